package org.lightbox.phantom;

import java.nio.file.Path;

/** One written phantom: what it shows and the file holding it, with the file's SHA-256. */
public record PhantomFile(Phantom phantom, Path file, String sha256, int width, int height) {
}
