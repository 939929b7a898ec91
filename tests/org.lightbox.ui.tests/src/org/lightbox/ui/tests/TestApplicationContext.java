package org.lightbox.ui.tests;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/** The application context Equinox would hand the product's E4Application, with our command-line arguments. */
final class TestApplicationContext implements IApplicationContext {

    private final String[] args;

    TestApplicationContext(String... args) {
        this.args = args.clone();
    }

    @Override
    public Map<String, Object> getArguments() {
        return Map.of(IApplicationContext.APPLICATION_ARGS, args);
    }

    @Override
    public void applicationRunning() {
    }

    @Override
    public String getBrandingApplication() {
        return "org.eclipse.e4.ui.workbench.swt.E4Application";
    }

    @Override
    public String getBrandingName() {
        return "Lightbox";
    }

    @Override
    public String getBrandingDescription() {
        return null;
    }

    @Override
    public String getBrandingId() {
        return "org.lightbox.ui.product";
    }

    @Override
    public String getBrandingProperty(String key) {
        return null;
    }

    @Override
    public Bundle getBrandingBundle() {
        return null;
    }

    @Override
    public void setResult(Object result, IApplication application) {
    }
}
