package org.lightbox.learning;

import java.nio.file.Path;

/**
 * Describes a loaded deep-learning runtime.
 *
 * @param engine       engine name, e.g. "PyTorch"
 * @param version      engine version, e.g. "2.7.1"
 * @param device       the device training runs on, e.g. "cpu()" or "gpu(0)"
 * @param gpuCount     number of GPUs the engine can use (0 on a CPU-only machine)
 * @param nativeCache  folder the native libraries were extracted to
 * @param offline      true when the runtime may not download anything
 */
public record EngineInfo(String engine, String version, String device, int gpuCount, Path nativeCache, boolean offline) {
}
