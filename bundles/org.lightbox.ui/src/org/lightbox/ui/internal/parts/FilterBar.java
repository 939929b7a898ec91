package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lightbox.model.Finding;
import org.lightbox.model.Project;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ImageQuery.FindingCondition;

/**
 * The repository view's filter bar: finding (source or consensus label, present/absent/uncertain), reader
 * status, age range, sex, view, quality flag and confounder tag. Every change builds an {@link ImageQuery}
 * and hands it on; text that is not a valid filter (an age of "6O", a range from 60 to 40) is marked and
 * explained in its tooltip instead, and the last valid query stays in force.
 */
final class FilterBar extends Composite {

    static final String FINDING_ID = "filter.finding";
    static final String BASIS_ID = "filter.basis";
    static final String VALUE_ID = "filter.value";
    static final String READERS_ID = "filter.readers";
    static final String READER_ID = "filter.reader";
    static final String MIN_AGE_ID = "filter.minAge";
    static final String MAX_AGE_ID = "filter.maxAge";
    static final String SEX_ID = "filter.sex";
    static final String VIEW_ID = "filter.view";
    static final String QUALITY_ID = "filter.quality";
    static final String CONFOUNDER_ID = "filter.confounder";
    static final String RESET_ID = "filter.reset";

    private static final String ANY = "any";
    private static final String[] READER_STATUS = {ANY, "read by", "unread by", "readers ≥", "readers ≤"};

    private final Consumer<ImageQuery> changed;
    private final Combo finding;
    private final Combo basis;
    private final Combo value;
    private final Combo readers;
    private final Combo reader;
    private final Text minAge;
    private final Text maxAge;
    private final Combo sex;
    private final Combo view;
    private final Combo quality;
    private final Text confounder;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Reader> readerList = new ArrayList<>();
    private boolean updating;
    private Composite line; // the line widgets are added to while building

    FilterBar(Composite parent, Consumer<ImageQuery> changed) {
        super(parent, SWT.NONE);
        this.changed = changed;
        // two fixed lines rather than one wrapping row: a wrapping row reports one line's height to the
        // part's GridLayout and pushes the views below it out of sight; narrow combos keep each line short
        GridLayout lines = new GridLayout(1, false);
        lines.marginWidth = 0;
        lines.marginHeight = 0;
        lines.verticalSpacing = 2;
        setLayout(lines);
        line = line();
        label("Finding");
        finding = combo(FINDING_ID, 135, ANY);
        basis = combo(BASIS_ID, 115, "source label", "consensus");
        value = combo(VALUE_ID, 95, "present", "absent", "uncertain");
        label(" Readers");
        readers = combo(READERS_ID, 95, READER_STATUS);
        reader = combo(READER_ID, 130);
        line = line();
        label("Age");
        minAge = number(MIN_AGE_ID, "from");
        label("–");
        maxAge = number(MAX_AGE_ID, "to");
        label(" Sex");
        sex = combo(SEX_ID, 65, ANY, "F", "M", "unknown");
        label(" View");
        view = combo(VIEW_ID, 70, ANY, "PA", "AP", "lateral", "unknown");
        label(" Quality");
        String[] issues = new String[QualityIssue.VALUES.size() + 1];
        issues[0] = ANY;
        for (int i = 0; i < QualityIssue.VALUES.size(); i++) {
            issues[i + 1] = QualityIssue.VALUES.get(i).getLiteral().toLowerCase().replace('_', ' ');
        }
        quality = combo(QUALITY_ID, 105, issues);
        label(" Confounder");
        confounder = new Text(line, SWT.BORDER | SWT.SEARCH);
        confounder.setMessage("tag code");
        confounder.setData(RepositoryPart.WIDGET_ID, CONFOUNDER_ID);
        confounder.setLayoutData(new RowData(90, SWT.DEFAULT));
        confounder.setToolTipText("Images tagged with this confounder as present, e.g. chest-drain");
        confounder.addListener(SWT.Modify, e -> fire());
        Button reset = new Button(line, SWT.PUSH);
        reset.setText("Reset");
        reset.setData(RepositoryPart.WIDGET_ID, RESET_ID);
        reset.addListener(SWT.Selection, e -> reset());
        enableDependents();
    }

    /** Fills the finding and reader lists from a project (null: none) and clears every condition. */
    void setProject(Project project) {
        findings.clear();
        readerList.clear();
        if (project != null) {
            if (project.getLabelSchema() != null) {
                findings.addAll(project.getLabelSchema().getFindings());
            }
            readerList.addAll(project.getReaders());
        }
        updating = true;
        finding.removeAll();
        finding.add(ANY);
        findings.forEach(f -> finding.add(f.getDisplayName() != null ? f.getDisplayName() : f.getCode()));
        updating = false;
        clearConditions();
        enableDependents();
        getParent().layout(true, true);
    }

    /** Clears every condition and hands on the unfiltered query. */
    void reset() {
        clearConditions();
        fire();
    }

    private void clearConditions() {
        readers.select(0);
        fillReaderChoice();
        updating = true;
        for (Combo combo : List.of(finding, basis, value, sex, view, quality)) {
            combo.select(0);
        }
        minAge.setText("");
        maxAge.setText("");
        confounder.setText("");
        updating = false;
    }

    private void fire() {
        if (updating) {
            return;
        }
        enableDependents();
        ImageQuery query = query();
        if (query != null) {
            changed.accept(query);
        }
    }

    private void enableDependents() {
        boolean anyFinding = finding.getSelectionIndex() > 0;
        basis.setEnabled(anyFinding);
        value.setEnabled(anyFinding);
        reader.setEnabled(readers.getSelectionIndex() > 0);
    }

    /** The conditions as a query (in insertion order; the part sets the order), or null while one is invalid. */
    ImageQuery query() {
        ImageQuery.Builder query = ImageQuery.builder();
        int f = finding.getSelectionIndex();
        if (f > 0) {
            ReadValue v = List.of(ReadValue.PRESENT, ReadValue.ABSENT, ReadValue.UNCERTAIN).get(value.getSelectionIndex());
            String code = findings.get(f - 1).getCode();
            query.finding(basis.getSelectionIndex() == 0 ? FindingCondition.source(code, v)
                    : FindingCondition.consensus(code, v, null));
        }
        Integer from = age(minAge);
        Integer to = age(maxAge);
        if (from != null && from < 0 || to != null && to < 0) {
            return null;
        }
        if (!readerCondition(query)) {
            return null;
        }
        int s = sex.getSelectionIndex();
        query.sex(s <= 0 ? null : List.of(Sex.FEMALE, Sex.MALE, Sex.UNKNOWN).get(s - 1));
        int w = view.getSelectionIndex();
        query.view(w <= 0 ? null : List.of(ViewPosition.PA, ViewPosition.AP, ViewPosition.LATERAL, ViewPosition.UNKNOWN)
                .get(w - 1));
        int q = quality.getSelectionIndex();
        query.qualityIssue(q <= 0 ? null : QualityIssue.VALUES.get(q - 1));
        query.confounder(confounder.getText().isBlank() ? null : confounder.getText().strip());
        try {
            ImageQuery built = query.age(from, to).build();
            mark(maxAge, null);
            return built;
        } catch (IllegalArgumentException e) {
            mark(maxAge, e.getMessage());
            return null;
        }
    }

    /** Adds the reader status. */
    private boolean readerCondition(ImageQuery.Builder query) {
        int status = readers.getSelectionIndex();
        int r = reader.getSelectionIndex();
        if ((status == 1 || status == 2) && r >= 0) {
            String id = readerList.get(r).getId();
            if (status == 1) {
                query.readBy(id);
            } else {
                query.unreadBy(id);
            }
        } else if (status == 3 || status == 4) {
            int n = Math.max(0, reader.getSelectionIndex()); // the second combo lists 0..n then
            query.readers(status == 3 ? n : null, status == 4 ? n : null);
        }
        return true;
    }

    /** A whole number of years, null when empty; -1 (and the field marked) when it is not one. */
    private Integer age(Text field) {
        String text = field.getText().strip();
        if (text.isEmpty()) {
            mark(field, null);
            return null;
        }
        try {
            int years = Integer.parseInt(text);
            if (years < 0 || years > 150) {
                mark(field, "An age is 0 to 150 years, not " + text);
                return -1;
            }
            mark(field, null);
            return years;
        } catch (NumberFormatException e) {
            mark(field, "Not a number of years: '" + text + "'");
            return -1;
        }
    }

    private void mark(Text field, String problem) {
        field.setBackground(problem == null ? null : getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        field.setToolTipText(problem);
    }

    private Composite line() {
        Composite composite = new Composite(this, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.wrap = false;
        layout.spacing = 4;
        layout.marginHeight = 1;
        composite.setLayout(layout);
        composite.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return composite;
    }

    private Label label(String text) {
        Label label = new Label(line, SWT.NONE);
        label.setText(text);
        return label;
    }

    private Combo combo(String id, int width, String... items) {
        Combo combo = new Combo(line, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setLayoutData(new RowData(width, SWT.DEFAULT));
        combo.setItems(items);
        combo.setData(RepositoryPart.WIDGET_ID, id);
        if (items.length > 0) {
            combo.select(0);
        }
        combo.addListener(SWT.Selection, e -> {
            if (combo == readers) {
                fillReaderChoice();
            }
            fire();
        });
        return combo;
    }

    /** The second reader combo lists readers for "read by"/"unread by" and counts 0..n for "readers ≥/≤". */
    private void fillReaderChoice() {
        int status = readers.getSelectionIndex();
        updating = true;
        reader.removeAll();
        if (status == 3 || status == 4) {
            for (int n = 0; n <= Math.max(1, readerList.size()); n++) {
                reader.add(Integer.toString(n));
            }
            reader.select(Math.min(1, reader.getItemCount() - 1));
        } else {
            readerList.forEach(r -> reader.add(r.getName() != null ? r.getName() + " (" + r.getId() + ")" : r.getId()));
            reader.select(readerList.isEmpty() ? -1 : 0);
        }
        updating = false;
    }

    private Text number(String id, String hint) {
        Text text = new Text(line, SWT.BORDER);
        text.setMessage(hint);
        text.setData(RepositoryPart.WIDGET_ID, id);
        text.setLayoutData(new RowData(40, SWT.DEFAULT));
        text.addListener(SWT.Modify, e -> fire());
        return text;
    }
}
