package org.leadrouter.pipeline;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.config.InputLimits;
import org.leadrouter.csv.LeadCsvReader;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.csv.UnreadableFileException;

/** Step 1: reads the CSV named by the {@link DistributionRequest} into a {@link DistributionBatch}. */
public final class ReadLeadFile implements Processor {
    private final LeadCsvReader reader = new LeadCsvReader();
    private final InputLimits limits;

    public ReadLeadFile(InputLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits == null");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionRequest request = exchange.getMessage().getMandatoryBody(DistributionRequest.class);
        long size = Files.size(request.file());
        if (size > limits.maxBytes()) {
            throw new UnreadableFileException("the file is " + megabytes(size) + " MB, more than the limit of "
                    + megabytes(limits.maxBytes()) + " MB (input.max-bytes): split it into smaller files");
        }
        byte[] content = Files.readAllBytes(request.file());
        LeadFile file = reader.read(content, request.file().getFileName().toString());
        if (file.rows().size() > limits.maxRows()) {
            throw new UnreadableFileException("the file has " + file.rows().size() + " rows, more than the limit of "
                    + limits.maxRows() + " (input.max-rows): split it into smaller files");
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        DistributionBatch batch = new DistributionBatch(request, file, hash);
        exchange.setProperty(CreateLead.BATCH, batch);
        exchange.getMessage().setBody(batch);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
