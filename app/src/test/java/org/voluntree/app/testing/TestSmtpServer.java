package org.voluntree.app.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server on 127.0.0.1 that speaks the commands a mail client sends (EHLO or HELO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT), answers {@code RCPT TO} for the addresses it is told to refuse with the
 * reply given, as a real server refuses an unknown mailbox ({@code 550 5.1.1}) or defers one
 * ({@code 451 4.3.0}), and keeps the mails it accepts. GreenMail, the mail sandbox, takes every
 * recipient, so it cannot play the server that refuses one.
 */
public final class TestSmtpServer implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("(?i)RCPT TO:\\s*<([^>]*)>.*");

    /** A mail accepted: the recipients the server took and the message as it arrived. */
    public record Received(List<String> recipients, MimeMessage message) {}

    private record Refusal(String reply, AtomicInteger left) {}

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, String> messageRefusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rcptCommands = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    public static TestSmtpServer start() {
        try {
            return new TestSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Answers every {@code RCPT TO} naming the address with {@code reply}, e.g. {@code 550 5.1.1 no such user}. */
    public void refuse(String address, String reply) {
        refuse(address, reply, Integer.MAX_VALUE);
    }

    /** Answers the next {@code times} {@code RCPT TO} naming the address with {@code reply}, then takes it. */
    public void refuse(String address, String reply, int times) {
        refusals.put(normal(address), new Refusal(reply, new AtomicInteger(times)));
    }

    /**
     * Answers the end of every message to the address (the line with a single dot, after its data) with
     * {@code reply}, e.g. {@code 552 5.2.2 mailbox full}: the server read the mail and did not take it.
     */
    public void refuseMessagesTo(String address, String reply) {
        messageRefusals.put(normal(address), reply);
    }

    /** How many {@code RCPT TO} commands named the address: one per attempt to send it a mail. */
    public int recipientCommands(String address) {
        AtomicInteger count = rcptCommands.get(normal(address));
        return count == null ? 0 : count.get();
    }

    /** The mails accepted for the address, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        String wanted = normal(address);
        return received.stream()
                .filter(mail -> mail.recipients().contains(wanted))
                .map(Received::message)
                .toList();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One SMTP session (RFC 5321, section 4.1), one command a line. */
    private void converse(Socket client) {
        // ISO-8859-1 maps every byte to one char and back: the message's bytes arrive unchanged
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            send(out, "220 localhost ESMTP test server");
            List<String> recipients = new ArrayList<>();
            boolean mailStarted = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4
                        ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> send(out, "250 localhost");
                    case "MAIL" -> {
                        mailStarted = true;
                        recipients.clear();
                        send(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        Matcher rcpt = RCPT.matcher(line);
                        if (!mailStarted) {
                            send(out, "503 5.5.1 MAIL first");
                        } else if (!rcpt.matches()) {
                            send(out, "501 5.5.4 syntax: RCPT TO:<address>");
                        } else {
                            String address = normal(rcpt.group(1));
                            rcptCommands
                                    .computeIfAbsent(address, a -> new AtomicInteger())
                                    .incrementAndGet();
                            Refusal refusal = refusals.get(address);
                            if (refusal != null && refusal.left().getAndDecrement() > 0) {
                                send(out, refusal.reply());
                            } else {
                                recipients.add(address);
                                send(out, "250 2.1.5 OK");
                            }
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            send(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        send(out, "354 end data with <CR><LF>.<CR><LF>");
                        MimeMessage message = message(in);
                        String refused = recipients.stream()
                                .map(messageRefusals::get)
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null);
                        if (refused == null) {
                            received.add(new Received(List.copyOf(recipients), message));
                        }
                        recipients.clear();
                        mailStarted = false;
                        send(out, refused == null ? "250 2.0.0 OK queued" : refused);
                    }
                    case "RSET" -> {
                        recipients.clear();
                        mailStarted = false;
                        send(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> send(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        send(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> send(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (IOException | MessagingException e) {
            // the client went away, or sent what is no mail: the session ends
        }
    }

    /** The lines up to the one holding a single dot, a leading dot of a line removed (dot-stuffing). */
    private static MimeMessage message(BufferedReader in) throws IOException, MessagingException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
