package org.lightbox.ui.internal.imports;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.Projects;

/**
 * Runs File › Import: one import at a time, as a Job, shown in the Import part, which stays to show the
 * report. When an import ends the event {@value #TOPIC_IMPORTED} carries the project, so that views
 * showing it list what came in. Lives in the application context.
 */
public final class Imports {

    /** Posted with the {@link OpenProject} when an import into it has ended (finished, cancelled or failed). */
    public static final String TOPIC_IMPORTED = "lightbox/project/imported";
    /** The part stack the Import part joins (beside the preview). */
    static final String STACK = "org.lightbox.ui.partstack.preview";

    private final IEclipseContext context;
    private volatile ImportJob running;

    public Imports(IEclipseContext context) {
        this.context = context;
    }

    /** Whether an import is running now (a second one waits for it: both would write one project). */
    public boolean isRunning() {
        return running != null;
    }

    /**
     * Starts an import into the open project and shows its progress. UI thread.
     *
     * @throws IllegalStateException when no project is open or an import is running
     */
    public ImportJob start(ImportRequest request) {
        OpenProject project = context.get(OpenProject.class);
        if (project == null) {
            throw new IllegalStateException("Open or create a project first: an import goes into the open project.");
        }
        if (running != null) {
            throw new IllegalStateException("An import is running: " + running.request().describe()
                    + ". Wait for it or cancel it in the Import view.");
        }
        IEventBroker events = context.get(IEventBroker.class);
        ImportJob job = new ImportJob(request, project, context.get(Projects.class).importer(), done -> {
            running = null;
            if (events != null) {
                events.post(TOPIC_IMPORTED, done.project());
            }
        });
        running = job;
        showPart().track(job);
        job.schedule();
        return job;
    }

    private ImportReportPart showPart() {
        MApplication application = context.get(MApplication.class);
        MWindow window = application.getSelectedElement();
        IEclipseContext windowContext = window.getContext();
        EPartService parts = windowContext.get(EPartService.class);
        EModelService models = windowContext.get(EModelService.class);
        MPart part = parts.findPart(ImportReportPart.PART_ID);
        if (part == null) {
            part = parts.createPart(ImportReportPart.PART_ID);
            if (models.find(STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(part);
            }
        }
        if (part.getParent() instanceof MElementContainer<?> stack) {
            stack.setToBeRendered(true); // closing the last part hides its stack
            stack.setVisible(true);
        }
        parts.showPart(part, PartState.ACTIVATE);
        return (ImportReportPart) part.getObject();
    }
}
