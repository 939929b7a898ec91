package org.lightbox.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.lightbox.agreement.Estimate;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ConsensusSummary;
import org.lightbox.consensus.ResidualFindingRule;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox consensus <project> --method …}: consensus labels from the panel's reads, stored in the project. */
@Command(name = "consensus", mixinStandardHelpOptions = true, sortOptions = false, exitCodeListHeading = "%nExit codes:%n",
        description = {"Decide one label per image and finding from the panel's reads and store it with its provenance"
                + " (method, share of votes or posterior, number of reads, time).",
                "Ties become UNCERTAIN and wait in the review queue for an adjudicator; with --adjudicator, reads by the"
                        + " adjudicator on queued images settle them (method 'adjudication')."},
        exitCodeList = {"0:labels stored", "1:the store refused the labels", "2:bad arguments: a missing project, an unknown method or finding"},
        footer = {"", "Examples:", "  ./lightbox consensus cxr14.lightbox --method majority",
                "  ./lightbox consensus cxr14.lightbox --method dawid-skene --finding Pneumothorax --finding Effusion",
                "  ./lightbox consensus panel.lightbox --method majority --reader google-4343882785 --reader google-4343883593"
                        + " --reader google-4343883996 --residual Other --abnormal Abnormal"})
final class ConsensusCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "The project's .lightbox file.")
    Path file;

    @Option(names = "--method", required = true, paramLabel = "majority|dawid-skene", description = "The consensus method.")
    String method;

    @Option(names = "--finding", paramLabel = "CODE", description = "Only this finding (repeatable; default: every finding with reads).")
    List<String> findings = List.of();

    @Option(names = "--reader", paramLabel = "ID", description = "Only this reader's reads vote (repeatable; default: every reader"
            + " but the adjudicators).")
    List<String> readers = List.of();

    @Option(names = "--adjudicator", paramLabel = "ID", description = "A reader whose reads settle queued ties and never vote (repeatable).")
    List<String> adjudicators = List.of();

    @Option(names = "--queue", defaultValue = ConsensusOptions.ADJUDICATION, paramLabel = "NAME",
            description = "The review queue for ties (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--residual", paramLabel = "CODE", description = "A catch-all finding (e.g. Other) that is PRESENT also when"
            + " --abnormal is PRESENT by consensus but no specific finding is (the CXR14 all-findings authors' rule).")
    String residual;

    @Option(names = "--abnormal", paramLabel = "CODE", description = "The normal/abnormal finding for --residual (e.g. Abnormal).")
    String abnormal;

    ConsensusCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("lightbox consensus: no project file at " + file);
            return 2;
        }
        if ((residual == null) != (abnormal == null)) {
            err.println("lightbox consensus: --residual and --abnormal go together");
            return 2;
        }
        ConsensusRunner runner = services.service(ConsensusRunner.class);
        if (!runner.methods().contains(method)) {
            err.println("lightbox consensus: unknown method '" + method + "' (" + String.join(", ", runner.methods()) + ")");
            return 2;
        }
        ConsensusOptions options = new ConsensusOptions(Set.copyOf(findings), Set.copyOf(readers), Set.copyOf(adjudicators), queue,
                residual == null ? null : new ResidualFindingRule(residual, abnormal), null);
        ProjectStore store = services.store(ProjectStore.KIND_SQLITE);
        try (ProjectSession session = store.open(new StoreLocation.SqliteFile(file))) {
            ConsensusSummary summary;
            try {
                summary = runner.run(session, method, options);
            } catch (IllegalArgumentException e) {
                err.println("lightbox consensus: " + e.getMessage());
                return 2;
            }
            print(summary);
            if (!adjudicators.isEmpty()) {
                ConsensusSummary settled = runner.adjudicate(session, options);
                spec.commandLine().getOut().printf(Locale.ROOT, "Adjudicated: %d queued tie(s) settled by %s%n", settled.labelsStored(),
                        String.join(", ", adjudicators));
            }
            return 0;
        }
    }

    private void print(ConsensusSummary summary) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-20s %7s %8s %7s %9s %6s  %s%n", "finding", "images", "PRESENT", "ABSENT", "UNCERTAIN", "ties",
                "prevalence (95% Wilson CI)");
        Set<String> notes = new LinkedHashSet<>();
        for (ConsensusResult r : summary.results()) {
            String f = r.finding();
            Estimate p = summary.prevalence(f, 0.95);
            String prevalence = p.defined() ? String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", p.value(), p.interval().orElseThrow().lower(),
                    p.interval().orElseThrow().upper()) : "undefined: " + p.undefinedReason();
            out.printf(Locale.ROOT, "%-20s %7d %8d %7d %9d %6d  %s%n", f, summary.decided(f), summary.count(f, ReadValue.PRESENT),
                    summary.count(f, ReadValue.ABSENT), summary.count(f, ReadValue.UNCERTAIN), r.ties().size(), prevalence);
            r.notes().forEach(n -> notes.add(f + ": " + n));
        }
        notes.forEach(n -> out.println("  " + n));
        out.printf(Locale.ROOT, "Stored %d consensus label(s) of method '%s'; %d tie(s) in the review queue '%s'%n", summary.labelsStored(),
                summary.method(), summary.queued(), queue);
    }
}
