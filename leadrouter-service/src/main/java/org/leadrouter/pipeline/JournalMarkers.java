package org.leadrouter.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leadrouter.batch.RowOrigin;
import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtqlLiteral;
import org.leadrouter.vtiger.VtqlQuery;

/** Asks VTiger which leads carry the import markers of one file: the ground truth after a crash. */
public final class JournalMarkers {
    private final VtigerClient vtiger;

    public JournalMarkers(VtigerClient vtiger) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
    }

    /** A lead found in VTiger for a row of the file. */
    record Found(String leadId, String ownerId) {
    }

    /** Leads created from the file with this content, by row number. */
    Map<Integer, Found> leadsOf(String contentHash) {
        String prefix = RowOrigin.markerPrefix(contentHash);
        Pattern marker = Pattern.compile(Pattern.quote(prefix) + "(\\d+)\\]");
        VtqlQuery q = VtqlQuery.select("id", "assigned_user_id", "description").from("Leads")
                .where("description", "LIKE", VtqlLiteral.likeContaining(prefix)).orderBy("id").build();
        Map<Integer, Found> byRow = new HashMap<>();
        List<Map<String, String>> rows = vtiger.queryAll(q);
        for (Map<String, String> lead : rows) {
            Matcher m = marker.matcher(lead.getOrDefault("description", ""));
            if (m.find()) {
                byRow.putIfAbsent(Integer.parseInt(m.group(1)), new Found(lead.get("id"), lead.getOrDefault("assigned_user_id", "")));
            }
        }
        return byRow;
    }
}
