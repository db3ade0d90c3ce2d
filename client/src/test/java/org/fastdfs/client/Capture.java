package org.fastdfs.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capture of C FastDFS 6.16.1 traffic from /work/shared/wire-captures (copied to the test
 * resources under captures/): every message with its header bytes and, when the dump shows all of
 * it, its body bytes.
 */
final class Capture {

    /** One message of a captured TCP connection. */
    record Message(String connection, boolean request, byte[] header, byte[] body, long bodyLength) {

        /** True when the dump shows the whole body. */
        boolean complete() {
            return body.length == bodyLength;
        }

        int command() {
            return header[8] & 0xFF;
        }

        int status() {
            return header[9] & 0xFF;
        }

        /** Header and body, as on the wire. */
        byte[] frame() {
            if (!complete()) {
                throw new IllegalStateException("the capture shows only " + body.length + " of " + bodyLength + " body bytes");
            }
            byte[] f = new byte[header.length + body.length];
            System.arraycopy(header, 0, f, 0, header.length);
            System.arraycopy(body, 0, f, header.length, body.length);
            return f;
        }
    }

    private static final Pattern CONNECTION = Pattern.compile("^TCP connection (.+?)\\s+\\(starts");
    private static final Pattern MESSAGE = Pattern.compile("^\\s+\\[\\+[\\d.]+\\] \\S+ -> \\S+\\s+(request|response to)");
    private static final Pattern HEADER = Pattern.compile("^\\s+header: ((?:[0-9a-f]{2} ){9}[0-9a-f]{2})");
    private static final Pattern BODY = Pattern.compile("^\\s+body \\((\\d+) bytes");
    private static final Pattern DUMP = Pattern.compile("^\\s+[0-9a-f]{6}  ([0-9a-f ]+?)\\s+\\|");

    private final String name;
    private final List<Message> messages;

    private Capture(String name, List<Message> messages) {
        this.name = name;
        this.messages = messages;
    }

    static Capture load(String name) {
        try (InputStream in = Capture.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return parse(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Capture parse(String name, List<String> lines) {
        List<Message> out = new ArrayList<>();
        String connection = null;
        Boolean request = null;
        byte[] header = null;
        long bodyLength = 0;
        StringBuilder hex = new StringBuilder();
        boolean inBody = false;
        for (String line : lines) {
            Matcher m;
            if ((m = CONNECTION.matcher(line)).find()) {
                if (header != null) {
                    out.add(message(connection, request, header, hex, bodyLength));
                    header = null;
                }
                connection = m.group(1);
                inBody = false;
                continue;
            }
            if ((m = MESSAGE.matcher(line)).find()) {
                if (header != null) {
                    out.add(message(connection, request, header, hex, bodyLength));
                }
                request = m.group(1).equals("request");
                header = null;
                bodyLength = 0;
                hex.setLength(0);
                inBody = false;
                continue;
            }
            if ((m = HEADER.matcher(line)).find()) {
                header = HexFormat.ofDelimiter(" ").parseHex(m.group(1));
                continue;
            }
            if ((m = BODY.matcher(line)).find()) {
                bodyLength = Long.parseLong(m.group(1));
                inBody = true;
                continue;
            }
            if (inBody && (m = DUMP.matcher(line)).find()) {
                hex.append(m.group(1).replace(" ", ""));
                continue;
            }
            inBody = false;
        }
        if (header != null) {
            out.add(message(connection, request, header, hex, bodyLength));
        }
        return new Capture(name, List.copyOf(out));
    }

    private static Message message(String connection, boolean request, byte[] header, StringBuilder hex, long bodyLength) {
        return new Message(connection, request, header, HexFormat.of().parseHex(hex), bodyLength);
    }

    List<Message> messages() {
        return messages;
    }

    /** The {@code nth} (0-based) request with command {@code command}. */
    Message request(int command, int nth) {
        int seen = 0;
        for (Message m : messages) {
            if (m.request() && m.command() == command && seen++ == nth) {
                return m;
            }
        }
        throw new IllegalArgumentException(name + " has no request #" + nth + " with command " + command);
    }

    Message request(int command) {
        return request(command, 0);
    }

    /** The reply that follows {@code request} on its connection. */
    Message replyTo(Message request) {
        int i = messages.indexOf(request);
        for (int j = i + 1; j < messages.size(); j++) {
            Message m = messages.get(j);
            if (m.connection().equals(request.connection()) && !m.request()) {
                return m;
            }
        }
        throw new IllegalArgumentException(name + " has no reply to " + request);
    }
}
