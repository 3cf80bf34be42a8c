package dev.dhcpembedded.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail 2.1.3's SMTP server on an ephemeral loopback port, as its documentation starts it. */
final class GreenMailSubject implements StartupHarness.Subject {

    private GreenMail mail;

    @Override
    public void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        mail.start();
    }

    @Override
    public void stop() {
        mail.stop();
    }
}
