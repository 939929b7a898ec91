package org.lightbox.learning.djl.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ai.djl.engine.Engine;

/**
 * Owns the one-time initialisation of DJL inside OSGi.
 * <p>
 * DJL discovers engines through {@link java.util.ServiceLoader} with the thread context class loader, once, in
 * {@link Engine}'s static initialiser, and finds its native libraries through the same loader. Touched first
 * with the wrong loader, DJL reports "No engine found" for the life of the JVM. Every entry into DJL therefore
 * goes through {@link #call(Callable)}, which makes this bundle's loader (which sees the embedded api, engine,
 * JNI and native jars) the context loader for the duration of the call.
 */
public final class DjlRuntime {

    /** System property naming the folder libtorch is extracted to. */
    public static final String CACHE_PROPERTY = "lightbox.djl.cache";

    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    private DjlRuntime() {
    }

    /** Runs DJL code with this bundle's class loader as the thread context class loader. */
    public static <T> T call(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            engine();
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The PyTorch engine, initialised on first use: offline, natives extracted to {@link #cacheDir()}. */
    static Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (LOCK) {
            if (engine == null) {
                // Never download anything: models, natives and data come with the installation.
                System.setProperty("ai.djl.offline", "true");
                Path cache = cacheDir();
                try {
                    Files.createDirectories(cache);
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException("Cannot create the DJL native cache folder " + cache + ": " + ex.getMessage(), ex);
                }
                System.setProperty("DJL_CACHE_DIR", cache.toString());
                System.setProperty("ENGINE_CACHE_DIR", cache.toString());
                engine = Engine.getEngine("PyTorch");
            }
            return engine;
        }
    }

    /** Where libtorch is extracted: {@value #CACHE_PROPERTY}, else DJL_CACHE_DIR, else ~/.cache/lightbox/djl. */
    public static Path cacheDir() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("DJL_CACHE_DIR");
        }
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("DJL_CACHE_DIR");
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".cache", "lightbox", "djl");
        }
        return Path.of(configured);
    }
}
