package org.tutorgraph.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a model server, which a test can take down and bring back up on the same port:
 * while it is down, connecting is refused (nothing listens) and every connection it carried is cut, so pooled HTTP
 * connections break too. This is the "refused connection" fault that a fault-injecting HTTP server cannot produce.
 */
final class FlakyProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private int downs;

    FlakyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        // a port below the ephemeral range (32768 and up on Linux): while the proxy is down, an outgoing connection
        // of this machine could otherwise be given its port, and binding it again would fail ("address in use")
        ServerSocket first = null;
        java.util.Random ports = new java.util.Random(targetPort);
        for (int tries = 0; first == null; tries++) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 20_000 + ports.nextInt(12_000)));
                first = s;
            } catch (java.net.BindException e) {
                s.close();
                if (tries == 100) throw e;
            }
        }
        this.port = first.getLocalPort();
        listen(first);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** How many times it was taken down. */
    int downs() {
        return downs;
    }

    /** Brings the proxy up (listening again on its port) or down (refusing, every connection cut). */
    synchronized void up(boolean up) throws IOException {
        if (up && server == null) {
            ServerSocket s;
            for (int tries = 0; ; tries++) {
                s = new ServerSocket(); // a failed bind closes its socket
                s.setReuseAddress(true);
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    break;
                } catch (java.net.BindException e) {
                    // the old socket's close may still be settling; give it a moment
                    if (tries == 50) throw e;
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
            listen(s);
        } else if (!up && server != null) {
            downs++;
            ServerSocket s = server;
            server = null;
            s.close();
            for (Socket c : sockets) close(c);
            sockets.clear();
        }
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread acceptor = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed while accepting: the proxy went down
                }
            }
        }, "flaky-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut
            } finally {
                close(from);
                close(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "flaky-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        up(false);
    }
}
