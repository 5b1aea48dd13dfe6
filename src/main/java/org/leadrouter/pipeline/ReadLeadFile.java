package org.leadrouter.pipeline;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.leadrouter.config.InputLimits;
import org.leadrouter.csv.LeadCsvReader;
import org.leadrouter.csv.LeadFile;

/** Step 1: reads the CSV named by the {@link DistributionRequest} into a {@link DistributionBatch}. */
public final class ReadLeadFile {
    private final LeadCsvReader reader;

    public ReadLeadFile(InputLimits limits) {
        this.reader = new LeadCsvReader(limits);
    }

    public DistributionBatch read(DistributionRequest request) throws Exception {
        if (Files.size(request.file()) > reader.maxBytes()) {
            reader.read(request.file()); // refuses it, saying the size and the limit, without reading it
        }
        byte[] content = Files.readAllBytes(request.file());
        LeadFile file = reader.read(content, request.file().getFileName().toString());
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        DistributionBatch batch = new DistributionBatch(request, file, hash);
        return batch;
    }
}
