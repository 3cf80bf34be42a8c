package dev.dhcpembedded.internal.runtime;


import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.Arrival;
import dev.dhcpembedded.stub.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers on one link, each asked on its own (its stubs first, then its lease engine): what the first and the
 * second server decide goes into one note, and each reply goes out as the server that made it. A REQUEST
 * naming one of them in option 54 is heard by both and answered by the one named only, as each engine decides.
 */
public final class LinkResponder implements Responder {

    private final Responder first;
    private final int secondAddress;
    private final String secondNotePrefix;
    private final Responder secondResponder;

    public LinkResponder(Responder first, int secondAddress, String secondNotePrefix, Responder secondResponder) {
        this.first = first;
        this.secondAddress = secondAddress;
        this.secondNotePrefix = secondNotePrefix;
        this.secondResponder = secondResponder;
    }

    @Override
    public Response respond(DhcpMessage request, Arrival arrival) {
        Response mine = first.respond(request, arrival);
        Response other = secondResponder.respond(request, new Arrival(secondAddress, arrival.broadcast(), arrival.peer()));
        List<Reply> replies = new ArrayList<>(mine.replies());
        String id = Ipv4.toString(secondAddress);
        for (Reply reply : other.replies()) {
            replies.add(reply.serverIdentity().isPresent() ? reply : reply.fromServer(id));
        }
        return new Response(List.copyOf(replies), mine.note() + "; " + secondNotePrefix + other.note(),
                mine.unmatched() || other.unmatched());
    }
}
