package org.leadrouter.glance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leadrouter.state.StateException;
import org.leadrouter.state.StateDatabase;

/**
 * The day's files and the advisors' loads as of the last file, kept in the state database so that the page
 * survives a restart. Only the last week is kept: the page is about today, and sums up the days before it.
 */
final class GlanceStore {
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() { };
    /** Rows older than this many days go: the page's last days (today and the six before) stay whole. */
    private static final int DAYS_KEPT = TodayView.LAST_DAYS;

    private final StateDatabase state;
    private final ObjectMapper json = new ObjectMapper();

    GlanceStore(StateDatabase state) {
        // its tables are made by the state's migrations (V3__glance.sql)
        this.state = Objects.requireNonNull(state, "state == null");
    }

    void addFile(LocalDate day, TodayView.FileSummary file) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement("INSERT INTO glance_file (business_day,"
                    + " finished_at, file_name, kind, counts, per_advisor, report, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement purge = connection().prepareStatement(
                         "DELETE FROM glance_file WHERE business_day < ?")) {
                ps.setObject(1, day);
                ps.setObject(2, file.time());
                ps.setString(3, cut(file.fileName(), 2000));
                ps.setString(4, file.kind());
                ps.setString(5, write(file.counts()));
                ps.setString(6, write(file.perAdvisor()));
                ps.setString(7, cut(file.report(), 2000));
                ps.setString(8, cut(file.reason(), 4000));
                ps.executeUpdate();
                purge.setObject(1, day.minusDays(DAYS_KEPT));
                purge.executeUpdate();
            } catch (SQLException e) {
                throw new StateException("cannot record a file for the glance page", e);
            }
        }
    }

    /** Replaces the advisors' loads with these, in this order. */
    void putLoads(LocalDate day, List<TodayView.AdvisorLoad> loads) {
        synchronized (state) {
            try (Statement clear = connection().createStatement();
                 PreparedStatement ps = connection().prepareStatement("INSERT INTO glance_load (user_name,"
                         + " business_day, load_today, cap, position) VALUES (?, ?, ?, ?, ?)")) {
                clear.executeUpdate("DELETE FROM glance_load");
                for (int i = 0; i < loads.size(); i++) {
                    TodayView.AdvisorLoad a = loads.get(i);
                    ps.setString(1, a.userName());
                    ps.setObject(2, day);
                    ps.setInt(3, a.load());
                    ps.setInt(4, a.cap());
                    ps.setInt(5, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new StateException("cannot record the loads for the glance page", e);
            }
        }
    }

    /** The files of the days {@code from} to {@code to} (both included), each day's oldest first. */
    SortedMap<LocalDate, List<TodayView.FileSummary>> filesByDay(LocalDate from, LocalDate to) {
        SortedMap<LocalDate, List<TodayView.FileSummary>> days = new TreeMap<>();
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement("SELECT business_day, finished_at, file_name,"
                    + " kind, counts, per_advisor, report, reason FROM glance_file WHERE business_day BETWEEN ? AND ?"
                    + " ORDER BY id")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new ArrayList<>())
                                .add(new TodayView.FileSummary(rs.getObject(2, LocalTime.class), rs.getString(3),
                                        rs.getString(4), read(rs.getString(5)), read(rs.getString(6)),
                                        rs.getString(7), rs.getString(8)));
                    }
                }
            } catch (SQLException e) {
                throw new StateException("cannot read the files for the glance page", e);
            }
        }
        return days;
    }

    /** The loads recorded for {@code day}; none when the last file was on another day. */
    List<TodayView.AdvisorLoad> loads(LocalDate day) {
        List<TodayView.AdvisorLoad> loads = new ArrayList<>();
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement("SELECT user_name, load_today, cap FROM"
                    + " glance_load WHERE business_day = ? ORDER BY position")) {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loads.add(new TodayView.AdvisorLoad(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                    }
                }
            } catch (SQLException e) {
                throw new StateException("cannot read the loads for the glance page", e);
            }
        }
        return loads;
    }

    private Connection connection() {
        return state.connection();
    }

    private String write(Map<String, Integer> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts cannot be written as JSON", e);
        }
    }

    private Map<String, Integer> read(String text) {
        try {
            return json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new StateException("counts of the glance page cannot be read", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
