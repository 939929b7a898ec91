#!/usr/bin/python3
"""ImageMagick's reading of every PNG in a folder, one CSV line per image.

  identify -format '%w %h %[channels] %z' FILE            size, channels ("gray", "srgba", ...), bit depth
  convert FILE -alpha off -channel R -separate -depth 8 gray:-   the first (grey or red) channel as raw bytes

Lightbox takes a colour PNG whose channels are all equal as grey unchanged, so the first channel is the
expected grey for CXR14's four RGBA files too (the script checks that the channels are equal and says so).
Usage: png_reference.py PNG_DIR OUT_CSV
"""
import csv
import hashlib
import os
import subprocess
import sys


def magick(*args):
    return subprocess.run(list(args), capture_output=True, check=True).stdout


def channel(path, name):
    return magick('/usr/bin/convert', path, '-alpha', 'off', '-channel', name, '-separate', '-depth', '8', 'gray:-')


def main(src, out):
    rows = []
    for name in sorted(os.listdir(src)):
        if not name.endswith('.png'):
            continue
        path = os.path.join(src, name)
        w, h, channels, depth = magick('identify', '-format', '%w %h %[channels] %z', path).decode().split()
        w, h = int(w), int(h)
        grey = channel(path, 'R')
        equal = grey == channel(path, 'G') == channel(path, 'B')
        points = [((w - 1) * i // 4, (h - 1) * j // 4) for j in range(5) for i in range(5)]
        rows.append([name, w, h, channels, depth, 'yes' if equal else 'no', min(grey), max(grey), sum(grey),
                     hashlib.sha256(grey).hexdigest(),
                     ' '.join('%d:%d:%d' % (x, y, grey[y * w + x]) for x, y in points)])
    with open(out, 'w', newline='') as f:
        f.write('# ImageMagick 6 (Debian): identify -format "%w %h %[channels] %z"; convert FILE -alpha off '
                '-channel R -separate -depth 8 gray:- (and G, B to compare); made by releng/dicom-reference\n')
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(['file', 'width', 'height', 'channels', 'depth', 'channels_equal', 'min', 'max', 'sum',
                         'grey_sha256', 'samples_x_y_value'])
        writer.writerows(rows)
    print('%d PNG references' % len(rows))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
