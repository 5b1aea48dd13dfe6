package org.leadrouter.pipeline;

import java.time.Clock;
import java.util.Objects;

import org.leadrouter.availability.Availability;
import org.leadrouter.config.ReportSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.dedupe.crm.CrmDuplicateFinder;
import org.leadrouter.dedupe.crm.CrmKeyMirror;
import org.leadrouter.dedupe.crm.CrmMirrorSync;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.roster.AdvisorSelection;
import org.leadrouter.roster.RosterLoader;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.vtiger.Sleeper;
import org.leadrouter.vtiger.VtigerClient;

/** The steps of the distribution routes (plain beans, batch in and batch out), built once from the settings, the VTiger client and the state. */
public final class DistributionSteps {
    private final ReadLeadFile read;
    private final RecallJournal recallJournal;
    private final LoadDeferred loadDeferred;
    private final ValidateLeads validate;
    private final FindDuplicates findDuplicates;
    private final AllocateLeads allocate;
    private final CreateLead create;
    private final ReportProgress progress = new ReportProgress();
    private final HaltCreating haltCreating = new HaltCreating();
    private final RememberRotation rememberRotation;
    private final WriteReport writeReport;
    private final RecordOutcome recordOutcome;
    private final TodayLoads todayLoads;
    private final Availability availability;
    private final ReportSettings reportSettings;

    public DistributionSteps(Settings settings, VtigerClient vtiger, StateDatabase state, Journal journal,
                             ShutdownSignal shutdown, Clock clock) {
        Objects.requireNonNull(settings, "settings == null");
        PhoneNormaliser phones = new PhoneNormaliser(settings.phoneRegion());
        CrmKeyMirror mirror = new CrmKeyMirror(state);
        CrmMirrorSync sync = new CrmMirrorSync(vtiger, mirror, phones, settings.dedupeFullRefresh(),
                settings.vtiger().serverZone(), clock);
        RosterLoader roster = new RosterLoader(vtiger,
                new AdvisorSelection(settings.advisorsInclude(), settings.advisorsExclude(), settings.includeAdmins()),
                settings::capFor, settings.allocationZone(), settings.vtiger().serverZone());
        this.todayLoads = new TodayLoads(roster, journal, clock);
        this.read = new ReadLeadFile(settings.inputLimits());
        LeadCreator creator = new LeadCreator(vtiger, vtiger.retryPolicy(), Sleeper.REAL, settings.createSettleTime(), clock);
        this.recallJournal = new RecallJournal(journal, new JournalMarkers(vtiger), creator);
        this.loadDeferred = new LoadDeferred(journal, creator);
        this.validate = new ValidateLeads(phones);
        this.findDuplicates = new FindDuplicates(new CrmDuplicateFinder(vtiger, mirror, sync, settings.dedupeModules()));
        this.availability = new Availability(settings.routing());
        this.allocate = new AllocateLeads(todayLoads, state, availability);
        this.create = new CreateLead(creator, settings.fieldMapping(),
                new LeadFieldsCheck(vtiger, settings.fieldMapping()), journal, shutdown);
        this.rememberRotation = new RememberRotation(state);
        this.writeReport = new WriteReport(settings.report());
        this.reportSettings = settings.report();
        this.recordOutcome = new RecordOutcome(journal);
    }

    public ReadLeadFile read() { return read; }
    public RecallJournal recallJournal() { return recallJournal; }
    public LoadDeferred loadDeferred() { return loadDeferred; }
    public ValidateLeads validate() { return validate; }
    public FindDuplicates findDuplicates() { return findDuplicates; }
    public AllocateLeads allocate() { return allocate; }
    public CreateLead create() { return create; }
    /** After each create, tells the run's {@link RunProgress} (see {@link ReportProgress#listenWith}). */
    public ReportProgress progress() { return progress; }
    public HaltCreating haltCreating() { return haltCreating; }
    public RememberRotation rememberRotation() { return rememberRotation; }
    public WriteReport writeReport() { return writeReport; }
    public RecordOutcome recordOutcome() { return recordOutcome; }
    /** Today's roster and loads (VTiger ∪ journal), for deciding whether deferred leads can go out. */
    public TodayLoads todayLoads() { return todayLoads; }
    /** Routing rules, weights, calendar and absences in force. */
    public Availability availability() { return availability; }
    /** How reports are written ({@code report.format}, {@code report.delimiter}). */
    public ReportSettings reportSettings() { return reportSettings; }
}
