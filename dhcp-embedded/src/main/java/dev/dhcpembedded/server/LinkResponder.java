package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.internal.lease.Arrival;
import dev.dhcpembedded.stub.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers on one link, each asked on its own (its stubs first, then its lease engine): what the first and the
 * {@link SecondServer} decide goes into one note, and each reply goes out as the server that made it. A REQUEST
 * naming one of them in option 54 is heard by both and answered by the one named only, as each engine decides.
 */
final class LinkResponder implements Responder {

    private final Responder first;
    private final SecondServer second;
    private final Responder secondResponder;

    LinkResponder(Responder first, SecondServer second, Responder secondResponder) {
        this.first = first;
        this.second = second;
        this.secondResponder = secondResponder;
    }

    @Override
    public Response respond(DhcpMessage request, Arrival arrival) {
        Response mine = first.respond(request, arrival);
        Response other = secondResponder.respond(request, new Arrival(second.addressAsInt(), arrival.broadcast()));
        List<Reply> replies = new ArrayList<>(mine.replies());
        String id = Ipv4.toString(second.addressAsInt());
        for (Reply reply : other.replies()) {
            replies.add(reply.serverIdentity().isPresent() ? reply : reply.fromServer(id));
        }
        return new Response(List.copyOf(replies), mine.note() + "; " + second.notePrefix() + other.note(),
                mine.unmatched() || other.unmatched());
    }
}
