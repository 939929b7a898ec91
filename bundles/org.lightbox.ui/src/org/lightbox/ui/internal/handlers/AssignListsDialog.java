package org.lightbox.ui.internal.handlers;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.PanelLists;
import org.lightbox.store.PanelLists.Source;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * Image › Assign Reading Lists: a lead names a list, picks the panel's readers (or adds new ones) and where the
 * images come from: a random draw per class, the repository's current filter, a CSV of image ids, or a review
 * queue. The lists are assigned when the lead presses Assign; a refusal (a name a reader already has, unknown ids)
 * is shown here and nothing is assigned.
 */
public final class AssignListsDialog extends TitleAreaDialog {

    public static final String TITLE = "Assign Reading Lists";
    public static final String NAME_ID = "assign.name";
    public static final String READERS_ID = "assign.readers";
    public static final String NEW_READERS_ID = "assign.newReaders";
    public static final String RANDOM_ID = "assign.random";
    public static final String PER_CLASS_ID = "assign.perClass";
    public static final String SEED_ID = "assign.seed";
    public static final String FILTER_ID = "assign.filter";
    public static final String LIMIT_ID = "assign.limit";
    public static final String SKIP_READ_ID = "assign.skipRead";
    public static final String CSV_ID = "assign.csv";
    public static final String CSV_PATH_ID = "assign.csvPath";
    public static final String QUEUE_ID = "assign.queue";
    public static final String QUEUE_NAME_ID = "assign.queueName";

    private final ProjectSession session;
    private final ImageQuery filter;
    private final int filterCount;
    private Text name;
    private Table readers;
    private Text newReaders;
    private Button random;
    private Spinner perClass;
    private Text seed;
    private Button fromFilter;
    private Spinner limit;
    private Button skipRead;
    private Button fromCsv;
    private Text csvPath;
    private Button fromQueue;
    private Combo queue;
    private List<ReadingList> assigned = List.of();

    /** @param filter the repository's filter, or null when no repository view is open */
    AssignListsDialog(Shell parent, ProjectSession session, ImageQuery filter, int filterCount) {
        super(parent);
        this.session = session;
        this.filter = filter;
        this.filterCount = filterCount;
    }

    /** The lists assigned (after Assign), in the order of the readers. */
    List<ReadingList> assigned() {
        return assigned;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText(TITLE);
        setTitle(TITLE);
        setMessage("The same list for every reader you tick; each reader opens it with Image › Read Reading List.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(4, false));

        label(form, "List name:");
        name = text(form, NAME_ID, "reading list " + LocalDate.now(), 3);

        label(form, "Readers:").setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        readers = new Table(form, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        readers.setData(RepositoryPart.WIDGET_ID, READERS_ID);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        tableData.heightHint = 110;
        readers.setLayoutData(tableData);
        for (org.lightbox.model.Reader reader : session.project().getReaders()) {
            TableItem item = new TableItem(readers, SWT.NONE);
            item.setText(reader.getId() + (reader.getName() == null || reader.getName().equals(reader.getId()) ? ""
                    : " (" + reader.getName() + ")") + (reader.getRole() == null ? "" : " · " + role(reader.getRole())));
            item.setData(reader.getId());
        }
        label(form, "New readers:");
        newReaders = text(form, NEW_READERS_ID, "", 3);
        newReaders.setMessage("ids, separated by commas; added to the project as radiologists");

        random = radio(form, RANDOM_ID, "Random, per class:");
        random.setSelection(true);
        perClass = spinner(form, PER_CLASS_ID, 100, 1, 100_000);
        label(form, "images per finding and with no finding, seed");
        seed = text(form, SEED_ID, "42", 1);

        fromFilter = radio(form, FILTER_ID, "Repository filter:");
        limit = spinner(form, LIMIT_ID, Math.max(1, Math.min(filterCount, 200)), 1, Math.max(1, filterCount));
        label(form, filter == null ? "(open the Repository view to use its filter)" : String.format("first images of %,d: %s",
                filterCount, filter.isUnfiltered() ? "every image" : filter.describe())).setLayoutData(
                        new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        fromFilter.setEnabled(filter != null && filterCount > 0);
        new Label(form, SWT.NONE);
        skipRead = new Button(form, SWT.CHECK);
        skipRead.setData(RepositoryPart.WIDGET_ID, SKIP_READ_ID);
        skipRead.setText("for each reader, only images they have not read yet");
        skipRead.setSelection(true);
        skipRead.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        fromCsv = radio(form, CSV_ID, "Image ids (CSV):");
        csvPath = text(form, CSV_PATH_ID, "", 2);
        csvPath.setMessage("a column 'Image Index' or 'image_id', else the first column");
        Button browse = new Button(form, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> browse());

        fromQueue = radio(form, QUEUE_ID, "Review queue:");
        queue = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        queue.setData(RepositoryPart.WIDGET_ID, QUEUE_NAME_ID);
        queue.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        List<String> queues = session.queues();
        queues.forEach(queue::add);
        if (!queues.isEmpty()) {
            queue.select(0);
        }
        fromQueue.setEnabled(!queues.isEmpty());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Assign", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            List<String> ids = chosenReaders();
            Source source = source();
            String listName = name.getText();
            BusyIndicator.showWhile(getShell().getDisplay(), () -> assigned = PanelLists.assign(session, listName, ids, source));
            super.okPressed();
        } catch (IllegalArgumentException | StoreException e) {
            setErrorMessage(e.getMessage());
        } catch (IOException e) {
            setErrorMessage("Cannot read " + csvPath.getText().strip() + ": " + e.getMessage());
        }
    }

    private List<String> chosenReaders() {
        List<String> ids = new ArrayList<>();
        for (TableItem item : readers.getItems()) {
            if (item.getChecked()) {
                ids.add((String) item.getData());
            }
        }
        Arrays.stream(newReaders.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Tick a reader or name a new one.");
        }
        return ids;
    }

    private Source source() throws IOException {
        if (random.getSelection()) {
            try {
                return new Source.RandomPerClass(perClass.getSelection(), Long.parseLong(seed.getText().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The seed must be a whole number, not '" + seed.getText().strip() + "'.");
            }
        }
        if (fromFilter.getSelection()) {
            return new Source.Filter(filter, limit.getSelection(), skipRead.getSelection());
        }
        if (fromCsv.getSelection()) {
            String path = csvPath.getText().strip();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("Choose the CSV file of image ids.");
            }
            if (!Files.isRegularFile(Path.of(path))) {
                throw new IllegalArgumentException("There is no file at " + path + ".");
            }
            try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                return new Source.Images(ReadingList.imageIdsFromCsv(in), "CSV " + Path.of(path).getFileName());
            }
        }
        return new Source.Queue(queue.getText());
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText("Image ids for the reading list");
        dialog.setFilterExtensions(new String[] {"*.csv;*.txt", "*"});
        String chosen = dialog.open();
        if (chosen != null) {
            csvPath.setText(chosen);
            fromCsv.setSelection(true);
            random.setSelection(false);
            fromFilter.setSelection(false);
            fromQueue.setSelection(false);
        }
    }

    private static String role(ReaderRole role) {
        return role.getLiteral().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        return label;
    }

    private static Text text(Composite parent, String id, String value, int span) {
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setData(RepositoryPart.WIDGET_ID, id);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return text;
    }

    private static Button radio(Composite parent, String id, String text) {
        Button button = new Button(parent, SWT.RADIO);
        button.setData(RepositoryPart.WIDGET_ID, id);
        button.setText(text);
        return button;
    }

    private static Spinner spinner(Composite parent, String id, int value, int min, int max) {
        Spinner spinner = new Spinner(parent, SWT.BORDER);
        spinner.setData(RepositoryPart.WIDGET_ID, id);
        spinner.setValues(value, min, max, 0, 1, 10);
        return spinner;
    }
}
