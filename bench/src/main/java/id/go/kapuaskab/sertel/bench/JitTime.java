package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seconds one of our JVMs has spent compiling since it started, read from its performance counters
 * ({@code java.ci.totalTime} over {@code sun.os.hrt.frequency}), the figure {@code jstat -compiler} prints as Time.
 * {@link Settling} uses it so that a JVM counts as warm only once its JIT has (nearly) stopped: on 2 cores the issuing
 * CA's compilers still took a whole core 2 minutes into the load, and that CPU was counted in its cost per
 * certificate. The counters are read straight from the JVM's {@code hsperfdata} file (the file jstat maps), since the
 * renewal workflow watches seven JVMs every window and a jstat per JVM is a JVM start each. NaN when the file is
 * missing or unreadable (the rule then rests on the rate alone, and says so in the log).
 */
public final class JitTime {

    private static final int MAGIC = 0xcafec0c0;

    private final long pid;

    private JitTime(long pid) {
        this.pid = pid;
    }

    public static JitTime of(long pid) {
        return new JitTime(pid);
    }

    /** Total compile time in seconds, or NaN. */
    public double seconds() {
        try {
            Path file = perfData();
            if (file == null) {
                return Double.NaN;
            }
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
            if (data.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
                return Double.NaN;
            }
            data.order(data.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            // prologue: magic, byte order, major, minor, accessible, used, overflow, mod time stamp, entry offset, entries
            int offset = data.getInt(24);
            int entries = data.getInt(28);
            long ticks = -1;
            long frequency = -1;
            for (int e = 0; e < entries && offset > 0 && offset < data.limit(); e++) {
                // entry: length, name offset, vector length, type, flags, units, variability, data offset
                int length = data.getInt(offset);
                String name = name(data, offset + data.getInt(offset + 4));
                boolean scalarLong = data.getInt(offset + 8) == 0 && data.get(offset + 12) == 'J';
                if (scalarLong && name.equals("java.ci.totalTime")) {
                    ticks = data.getLong(offset + data.getInt(offset + 16));
                } else if (scalarLong && name.equals("sun.os.hrt.frequency")) {
                    frequency = data.getLong(offset + data.getInt(offset + 16));
                }
                if (length <= 0) {
                    break;
                }
                offset += length;
            }
            return ticks < 0 || frequency <= 0 ? Double.NaN : (double) ticks / frequency;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** {@code /tmp/hsperfdata_<user>/<pid>}, whoever the user. */
    private Path perfData() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
        for (Path dir : java.util.List.of(tmp, Path.of("/tmp"))) {
            try (DirectoryStream<Path> users = Files.newDirectoryStream(dir, "hsperfdata_*")) {
                for (Path user : users) {
                    Path file = user.resolve(Long.toString(pid));
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // no such directory: try the next
            }
        }
        return null;
    }

    private static String name(ByteBuffer data, int at) {
        int end = at;
        while (end < data.limit() && data.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        data.get(at, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
