package org.lightbox.ui.internal.reading;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;

/**
 * The reading editor's side panel: the image's metadata (age, sex, view), the findings with their keys and the
 * reader's own calls, the reader's flags and tags, the original (report-mined) labels only when the session
 * setting asks for them, and the keys.
 */
final class ReadingPanel {

    static final String FINDINGS_ID = "reading.findings";
    static final String METADATA_ID = "reading.metadata";
    static final String MARKS_ID = "reading.marks";
    static final String LABELS_ID = "reading.labels";
    static final String SHOW_LABELS_ID = "reading.showLabels";

    private final Composite panel;
    private final Label metadata;
    private final Table findings;
    private final Label marks;
    private final Button showLabels;
    private final Label labels;

    ReadingPanel(Composite parent, Runnable labelsToggled) {
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(1, false));
        metadata = label(METADATA_ID);
        findings = new Table(panel, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        findings.setData(ReadingEditor.WIDGET_ID, FINDINGS_ID);
        findings.setHeaderVisible(true);
        findings.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] {"Key", "Finding", "Your call"}) {
            TableColumn column = new TableColumn(findings, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Finding") ? 120 : title.equals("Key") ? 36 : 76);
        }
        marks = label(MARKS_ID);
        showLabels = new Button(panel, SWT.CHECK);
        showLabels.setData(ReadingEditor.WIDGET_ID, SHOW_LABELS_ID);
        showLabels.setText("Show original labels (l)");
        showLabels.setToolTipText("Session setting, off by default: the report-mined labels bias a reader");
        showLabels.addListener(SWT.Selection, e -> labelsToggled.run());
        labels = label(LABELS_ID);
        Label help = new Label(panel, SWT.NONE);
        help.setText(ReadingKeys.help());
        help.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
    }

    Composite control() {
        return panel;
    }

    Table findingsTable() {
        return findings;
    }

    boolean showLabels() {
        return showLabels.getSelection();
    }

    void toggleLabels() {
        showLabels.setSelection(!showLabels.getSelection());
    }

    /** Fills the panel for the image shown in single mode. */
    void show(ReadingSession reading) {
        ImageRecord image = reading.current();
        if (image == null) {
            metadata.setText("No image");
            findings.removeAll();
            return;
        }
        metadata.setText(String.format("%s%nAge %s · Sex %s · View %s", image.getImageId(),
                image.getPatientAge() == null ? "?" : image.getPatientAge().toString(), sex(image.getPatientSex()),
                image.getViewPosition() == null || image.getViewPosition() == ViewPosition.UNKNOWN ? "?"
                        : image.getViewPosition().getLiteral()));
        List<Finding> all = reading.findings();
        findings.setRedraw(false);
        while (findings.getItemCount() > all.size()) {
            findings.getItem(findings.getItemCount() - 1).dispose();
        }
        for (int i = 0; i < all.size(); i++) {
            TableItem item = i < findings.getItemCount() ? findings.getItem(i) : new TableItem(findings, SWT.NONE);
            Finding finding = all.get(i);
            Read call = reading.call(finding);
            set(item, 0, i < ReadingKeys.FINDING_KEYS.length() ? String.valueOf(ReadingKeys.FINDING_KEYS.charAt(i)) : "");
            set(item, 1, finding.getDisplayName() != null ? finding.getDisplayName() : finding.getCode());
            set(item, 2, call == null ? "" : value(call.getValue()) + (call.getComment() == null ? "" : " ✎"));
            org.eclipse.swt.graphics.Color colour = findings.getDisplay().getSystemColor(call == null ? SWT.COLOR_BLACK
                    : call.getValue() == ReadValue.PRESENT ? SWT.COLOR_DARK_RED
                            : call.getValue() == ReadValue.UNCERTAIN ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_DARK_GREEN);
            if (!colour.equals(item.getForeground(2))) {
                item.setForeground(2, colour);
            }
        }
        findings.setSelection(reading.selectedFinding());
        findings.setRedraw(true);
        String flagText = reading.flags().stream().map(ReadingKeys::name).collect(Collectors.joining(", "));
        String tagText = String.join(", ", reading.tags());
        marks.setText("Flags: " + (flagText.isEmpty() ? "none" : flagText) + "\nTags: " + (tagText.isEmpty() ? "none" : tagText));
        String original = showLabels() ? "Original labels: " + originalLabels(image) : "";
        labels.setText(original);
        if (!fits(metadata) || !fits(marks) || !fits(labels)) {
            panel.layout(); // only when a label needs another height: a layout costs milliseconds per key
        }
    }

    /** Whether a label's text fits the height it was laid out with (a new image id usually does). */
    private static boolean fits(Label label) {
        org.eclipse.swt.graphics.Rectangle bounds = label.getBounds();
        return bounds.width > 0 && label.computeSize(bounds.width, SWT.DEFAULT).y == bounds.height;
    }

    /** Sets a cell's text when it differs (each change costs the native table a row update). */
    private static void set(TableItem item, int column, String text) {
        if (!text.equals(item.getText(column))) {
            item.setText(column, text);
        }
    }

    static String originalLabels(ImageRecord image) {
        String text = image.getSourceLabels().stream().filter(l -> l.getValue() != ReadValue.ABSENT)
                .map(l -> label(l)).collect(Collectors.joining(", "));
        return text.isEmpty() ? "No Finding" : text;
    }

    private static String label(SourceLabel l) {
        return l.getFinding().getCode() + (l.getValue() == ReadValue.UNCERTAIN ? " (uncertain)" : "");
    }

    static String value(ReadValue value) {
        return switch (value) {
            case PRESENT -> "present";
            case ABSENT -> "absent";
            case UNCERTAIN -> "uncertain";
        };
    }

    private static String sex(Sex sex) {
        return sex == null || sex == Sex.UNKNOWN ? "?" : sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "other";
    }

    private Label label(String id) {
        Label label = new Label(panel, SWT.WRAP);
        label.setData(ReadingEditor.WIDGET_ID, id);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return label;
    }
}
