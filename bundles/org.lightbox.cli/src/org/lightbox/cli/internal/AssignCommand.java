package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.PanelLists;
import org.lightbox.store.PanelLists.Source;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreLocation;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox assign <project> --name … --reader … <source>}: the same reading list for every reader of a panel. */
@Command(name = "assign", mixinStandardHelpOptions = true, sortOptions = false, exitCodeListHeading = "%nExit codes:%n",
        description = {"Assign a reading list, by name, to each reader of a panel (readers new to the project are added as"
                + " radiologists). Each reader then opens it in the workbench with Image › Read Reading List.",
                "A random draw skips what each reader has read already; the same seed gives the same list on every store."},
        exitCodeList = {"0:lists assigned", "1:the store refused: a reader already has a list of that name, an empty queue,"
                + " image ids not in the project (nothing is assigned)", "2:bad arguments or an unreadable CSV"},
        footer = {"", "Examples:", "  ./lightbox assign cxr14.lightbox --name \"first look\" --reader r1 --reader r2 --random-per-class 100 --seed 42",
                "  ./lightbox assign cxr14.lightbox --name effusion --reader r1 --filter --source-label Effusion=PRESENT --view AP --limit 200",
                "  ./lightbox assign cxr14.lightbox --name recheck --reader r2 --csv ids.csv",
                "  ./lightbox assign cxr14.lightbox --name ties --reader adjudicator --queue adjudication"})
final class AssignCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "The project's .lightbox file.")
    Path file;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The list's name (one per reader).")
    String name;

    @Option(names = "--reader", required = true, paramLabel = "ID", description = "A reader to assign it to (repeatable).")
    List<String> readers;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice source;

    static final class Choice {
        @Option(names = "--random-per-class", paramLabel = "N", description = "N random images per finding and N with no finding.")
        Integer perClass;

        @Option(names = "--csv", paramLabel = "FILE", description = "The image ids of a CSV file (column 'Image Index' or"
                + " 'image_id', else the first), in file order.")
        Path csv;

        @Option(names = "--queue", paramLabel = "NAME", description = "The images of a review queue, e.g. adjudication.")
        String queue;

        @Option(names = "--filter", description = "The first --limit images (in the order added) that meet every"
                + " condition below, as the repository view's filter would list them.")
        boolean filter;
    }

    @Option(names = "--source-label", paramLabel = "CODE=VALUE", description = "With --filter: the source (report-mined)"
            + " label of a finding is PRESENT, ABSENT or UNCERTAIN (repeatable).")
    Map<String, String> sourceLabels = Map.of();

    @Option(names = "--consensus", paramLabel = "CODE=VALUE", description = "With --filter: a consensus label (any method) of a"
            + " finding is PRESENT, ABSENT or UNCERTAIN (repeatable).")
    Map<String, String> consensusLabels = Map.of();

    @Option(names = "--view", paramLabel = "PA|AP|LATERAL", description = "With --filter: the view position.")
    ViewPosition view;

    @Option(names = "--sex", paramLabel = "MALE|FEMALE", description = "With --filter: the patient's sex.")
    Sex sex;

    @Option(names = "--min-age", paramLabel = "YEARS", description = "With --filter: patients at least this old.")
    Integer minAge;

    @Option(names = "--max-age", paramLabel = "YEARS", description = "With --filter: patients at most this old.")
    Integer maxAge;

    @Option(names = "--unread-by", paramLabel = "ID", description = "With --filter: images this reader has not read (repeatable).")
    List<String> unreadBy = List.of();

    @Option(names = "--skip-read", description = "With --filter: each reader gets only images they have not read yet.")
    boolean skipRead;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "The random draw's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N images of a --filter"
            + " (default: ${DEFAULT-VALUE}).")
    int limit;

    AssignCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("lightbox assign: no project file at " + file);
            return 2;
        }
        boolean conditions = !sourceLabels.isEmpty() || !consensusLabels.isEmpty() || view != null || sex != null
                || minAge != null || maxAge != null || !unreadBy.isEmpty() || skipRead;
        if (conditions && !source.filter) {
            err.println("lightbox assign: --source-label, --consensus, --view, --sex, --min-age, --max-age, --unread-by and"
                    + " --skip-read go with --filter");
            return 2;
        }
        if (source.csv != null && !Files.isRegularFile(source.csv)) {
            err.println("lightbox assign: no CSV file at " + source.csv);
            return 2;
        }
        ProjectStore store = services.store(ProjectStore.KIND_SQLITE);
        try (ProjectSession session = store.open(new StoreLocation.SqliteFile(file))) {
            List<ReadingList> lists = PanelLists.assign(session, name, readers, source());
            print(lists);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("lightbox assign: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("lightbox assign: cannot read " + source.csv + ": " + e.getMessage());
            return 2;
        } catch (StoreException e) {
            err.println("lightbox assign: " + e.getMessage());
            return 1;
        }
    }

    private Source source() throws IOException {
        if (source.perClass != null) {
            return new Source.RandomPerClass(source.perClass, seed);
        }
        if (source.csv != null) {
            try (Reader in = Files.newBufferedReader(source.csv, StandardCharsets.UTF_8)) {
                return new Source.Images(ReadingList.imageIdsFromCsv(in), "CSV " + source.csv.getFileName());
            }
        }
        if (source.queue != null) {
            return new Source.Queue(source.queue);
        }
        ImageQuery.Builder query = ImageQuery.builder().view(view).sex(sex).age(minAge, maxAge);
        sourceLabels.forEach((code, value) -> query.finding(ImageQuery.FindingCondition.source(code, value(code, value))));
        consensusLabels.forEach((code, value) -> query.finding(ImageQuery.FindingCondition.consensus(code, value(code, value), null)));
        unreadBy.forEach(query::unreadBy);
        return new Source.Filter(query.build(), limit, skipRead);
    }

    private static ReadValue value(String code, String value) {
        try {
            return ReadValue.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(code + "=" + value + ": the value must be PRESENT, ABSENT or UNCERTAIN");
        }
    }

    private void print(List<ReadingList> lists) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Assigned '%s' (%s)%n", lists.getFirst().name(), lists.getFirst().origin());
        for (ReadingList list : lists) {
            Map<String, Integer> strata = new TreeMap<>();
            list.items().stream().filter(i -> i.stratum() != null).forEach(i -> strata.merge(i.stratum(), 1, Integer::sum));
            out.printf(Locale.ROOT, "  %-20s %6d images%s%n", list.readerId(), list.items().size(),
                    strata.isEmpty() ? "" : "  " + strata.toString().replace("{", "(").replace("}", ")"));
        }
    }
}
