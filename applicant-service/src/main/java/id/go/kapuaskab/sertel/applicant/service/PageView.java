package id.go.kapuaskab.sertel.applicant.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: offset paging with a bounded size. */
@Schema(name = "Page")
public record PageView<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                          @Schema(example = "57") long total) {
}
