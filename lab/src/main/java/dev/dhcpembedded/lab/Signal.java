package dev.dhcpembedded.lab;

/** The POSIX signals a lab sends to client processes (udhcpc renews on USR1 and releases on USR2). */
public enum Signal {
    HUP, INT, KILL, USR1, USR2, ALRM, TERM
}
