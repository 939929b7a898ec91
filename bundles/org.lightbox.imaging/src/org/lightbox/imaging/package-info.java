/**
 * Format-neutral imaging API: image headers, a grey raster ready for display, windowing and
 * thumbnails, and the service interfaces ({@link org.lightbox.imaging.ImageHeaderReader},
 * {@link org.lightbox.imaging.ImageDecoder}) that format adapters implement as DS components.
 * Nothing here knows a DICOM toolkit or a widget toolkit.
 */
package org.lightbox.imaging;
