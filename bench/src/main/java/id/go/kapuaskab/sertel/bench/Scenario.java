package id.go.kapuaskab.sertel.bench;

import java.util.List;

/** One row group of the benchmark table. Each scenario repeats its measurement at least three times. */
public interface Scenario {

    /** Short name used on the command line, e.g. {@code gateway}. */
    String key();

    List<Row> run(BenchContext context) throws Exception;
}
