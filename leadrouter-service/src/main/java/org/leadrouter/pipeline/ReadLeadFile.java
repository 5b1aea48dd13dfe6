package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.leadrouter.config.InputLimits;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.csv.LeadFileReader;
import org.leadrouter.failure.InputFailures;

/** Step 1: reads the lead file (CSV or Excel workbook) named by the {@link DistributionRequest} into a {@link DistributionBatch}. */
public final class ReadLeadFile {
    private final LeadFileReader reader;

    public ReadLeadFile(InputLimits limits) {
        this.reader = new LeadFileReader(limits);
    }

    /**
     * Any I/O failure here is the file's own (its access, or content its reader cannot take): reading writes
     * nothing, so no folder or disk is to blame. A file that vanished meanwhile is left to the caller.
     */
    public DistributionBatch read(DistributionRequest request) throws Exception {
        try {
            return readFile(request);
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (IOException e) {
            throw InputFailures.reading(request.file(), e);
        }
    }

    private DistributionBatch readFile(DistributionRequest request) throws Exception {
        if (Files.size(request.file()) > reader.maxBytes()) {
            reader.read(request.file()); // refuses it, saying the size and the limit, without reading it
        }
        byte[] content = Files.readAllBytes(request.file());
        LeadFile file = reader.read(request.file(), content);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        DistributionBatch batch = new DistributionBatch(request, file, hash);
        return batch;
    }
}
