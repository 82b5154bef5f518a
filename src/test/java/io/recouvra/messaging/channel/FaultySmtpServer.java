package io.recouvra.messaging.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that speaks just enough of RFC 5321 to take a message, and then fails the way real
 * servers and networks do: it hangs up right after reading the whole content, before its final 250
 * (the message is taken, the answer lost), or it refuses or drops the connection at an earlier step.
 */
public final class FaultySmtpServer implements AutoCloseable {

    public enum Fault {
        /** reads DATA to the final dot, then closes without answering */
        DROP_AFTER_CONTENT,
        /** closes the connection instead of answering RCPT */
        DROP_BEFORE_DATA,
        /** answers RCPT with 550 */
        REFUSE_RECIPIENT,
        /** answers the end of the content with 554 */
        REFUSE_CONTENT
    }

    private final ServerSocket server;
    private final Fault fault;
    private final AtomicInteger contentsReceived = new AtomicInteger();
    private final List<String> contents = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FaultySmtpServer(Fault fault) throws IOException {
        this.fault = fault;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "faulty-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages whose whole content reached the server (the final dot included). */
    public int contentsReceived() {
        return contentsReceived.get();
    }

    public List<String> contents() {
        return contents;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (IOException e) {
                // the client went away or the server is closing: next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 faulty.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO" -> reply(out, "250-faulty.test\r\n250 8BITMIME");
                case "HELO" -> reply(out, "250 faulty.test");
                case "MAIL" -> reply(out, "250 2.1.0 OK");
                case "RCPT" -> {
                    if (fault == Fault.DROP_BEFORE_DATA) {
                        return;
                    }
                    reply(out, fault == Fault.REFUSE_RECIPIENT ? "550 5.1.1 no such user" : "250 2.1.5 OK");
                }
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    StringBuilder content = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        content.append(line).append("\r\n");
                    }
                    if (line == null) {
                        return;
                    }
                    contentsReceived.incrementAndGet();
                    contents.add(content.toString());
                    if (fault == Fault.DROP_AFTER_CONTENT) {
                        // taken, and the connection breaks before the answer
                        return;
                    }
                    reply(out, fault == Fault.REFUSE_CONTENT ? "554 5.7.1 content refused" : "250 2.0.0 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
