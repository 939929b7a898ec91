#!/usr/bin/env bash
# Writes the outside-reference fixtures that the imaging tests compare our decoders with:
#   tests/org.lightbox.imaging.dicom.tests/reference/dicom/<path>.json  one per file under <shared>/data/dicom
#   tests/org.lightbox.imaging.tests/reference/cxr14-png.csv            one line per CXR14 PNG
# Pixels come from tools made outside this project, never from our own decoders:
#   DICOM: dcmtk (dcmconv, dcmdjpeg, dcmdrle, dcmdjpls) decompresses or converts to Explicit VR Little Endian,
#          OpenJPEG's opj_decompress decodes JPEG 2000 code streams (dcmtk has no JPEG 2000 codec), and
#          pydicom (Debian python3-pydicom, no NumPy) parses the attributes and the raw pixel bytes.
#   PNG:   ImageMagick (identify, convert).
# Usage: releng/dicom-reference/make-references.sh [SHARED]   (SHARED defaults to ../shared next to the repository)
# Needs the Debian packages dcmtk python3-pydicom libopenjp2-tools imagemagick. The fixtures are small text
# files meant to be committed; the script never copies an image.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${1:-$root/../shared}"
shared="$(cd "$shared" && pwd)"

for tool in dcmdump dcmconv dcmdjpeg dcmdrle dcmdjpls opj_decompress identify /usr/bin/convert /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (apt-get install dcmtk python3-pydicom libopenjp2-tools imagemagick)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import pydicom' || { echo "missing python3-pydicom" >&2; exit 2; }

dicom_out="$root/tests/org.lightbox.imaging.dicom.tests/reference/dicom"
rm -rf "$dicom_out"
mkdir -p "$dicom_out"
/usr/bin/python3 "$here/dicom_reference.py" "$shared/data/dicom" "$dicom_out"

png_out="$root/tests/org.lightbox.imaging.tests/reference"
mkdir -p "$png_out"
/usr/bin/python3 "$here/png_reference.py" "$shared/data/cxr14/images" "$png_out/cxr14-png.csv"
echo "fixtures written under $dicom_out and $png_out"
