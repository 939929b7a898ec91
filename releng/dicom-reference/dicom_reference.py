#!/usr/bin/python3
"""Outside reference for every file under a DICOM folder: one JSON fixture per file.

The pixels are decoded by dcmtk (native, deflate, big endian, JPEG, RLE, JPEG-LS) or OpenJPEG (JPEG 2000),
never by Lightbox. pydicom (no NumPy) reads the attributes and the raw bytes of the decompressed file; this
script only unpacks samples, applies the modality LUT and reduces them to statistics. The rules it applies are
DICOM's (PS3.3 C.7.6.3 Image Pixel, C.11.1 Modality LUT, C.7.6.3.1.2 photometric interpretations) plus the two
conversion rules Lightbox documents for colour: RGB -> ITU-R BT.601 luma rounded half up, YBR_FULL(_422) -> Y.

Usage: dicom_reference.py DICOM_DIR OUT_DIR
"""
import array
import hashlib
import json
import math
import os
import re
import struct
import subprocess
import sys
import tempfile

import pydicom
from pydicom.encaps import generate_pixel_data_frame

SIDECARS = ('.json', '.printed', '.txt', '.icc', '.dump')
LOSSY = {
    '1.2.840.10008.1.2.4.50': 'JPEG Baseline (DCT, 8-bit)',
    '1.2.840.10008.1.2.4.51': 'JPEG Extended (DCT, 12-bit)',
    '1.2.840.10008.1.2.4.81': 'JPEG-LS near-lossless',
    '1.2.840.10008.1.2.4.91': 'JPEG 2000 (irreversible wavelet allowed)',
}
NATIVE = {'1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.1.99'}
JPEG = {'1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70'}
JPEG_LS = {'1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81'}
J2K = {'1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91'}
RLE = {'1.2.840.10008.1.2.5'}
BIG_ENDIAN = '1.2.840.10008.1.2.2'


def is_sidecar(name):
    return name.endswith(SIDECARS) or name.startswith(('README', 'LICENSE'))


def looks_like_dicom(path):
    with open(path, 'rb') as f:
        head = f.read(132)
    if len(head) == 132 and head[128:132] == b'DICM':
        return True
    if len(head) < 8:
        return False
    le = head[0] | head[1] << 8
    be = head[0] << 8 | head[1]
    return le in (2, 8) or be in (2, 8)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, errors='replace')
    if p.returncode != 0:
        message = (p.stderr or p.stdout).strip().splitlines()[-1]
        raise ReferenceFailure('%s failed: %s' % (cmd[0], message.replace(cmd[-2], 'FILE').replace(cmd[-1], 'OUT')))
    return p


class ReferenceFailure(Exception):
    pass


def native_copy(path, ts, tmp, frames):
    """A Little Endian Explicit copy with uncompressed pixels, and the commands that made it."""
    out = os.path.join(tmp, 'native.dcm')
    if ts == BIG_ENDIAN:
        # dcmconv swaps OW in 16-bit words, which breaks 32-bit samples; the little-endian twins in pydicom's
        # set (rtdose_1frame/rtdose_expb_1frame, MR_small/MR_small_bigendian, SC_rgb_small_odd/_big_endian,
        # liver_1frame/liver_expb_1frame) show the rule: swap each sample of Bits Allocated / 8 bytes, 8-bit
        # samples in OW as 16-bit words, OB as is.
        return 'big-endian', 'pydicom raw Pixel Data, byte-swapped per sample (see script)', None
    if ts in NATIVE or ts == '':
        cmd = ['dcmconv', '+te', path, out]
    elif ts in JPEG:
        cmd = ['dcmdjpeg', '+cn', path, out]  # +cn: keep YCbCr as stored, so that Y is the grey value
    elif ts in RLE:
        cmd = ['dcmdrle', path, out]
    elif ts in JPEG_LS:
        cmd = ['dcmdjpls', path, out]
    elif ts in J2K:
        decoded, how = j2k_frames(path, tmp, frames)
        return None, how, decoded
    else:
        raise ReferenceFailure('no reference decoder for transfer syntax ' + ts)
    run(cmd)
    return out, ' '.join(cmd[:-2] + ['FILE', 'OUT']), None


def j2k_frames(path, tmp, frames):
    """Frames decoded by OpenJPEG, as lists of component sample lists."""
    ds = pydicom.dcmread(path)
    decoded = []
    for i, fragment in enumerate(generate_pixel_data_frame(ds.PixelData, frames)):
        ext = '.j2k' if fragment[:4] == b'\xff\x4f\xff\x51' else '.jp2'
        src = os.path.join(tmp, 'frame%d%s' % (i, ext))
        with open(src, 'wb') as f:
            f.write(fragment)
        dst = os.path.join(tmp, 'frame%d.rawl' % i)
        p = run(['opj_decompress', '-i', src, '-o', dst])
        comps = []
        for line in p.stdout.splitlines():
            if line.startswith('Component ') and 'characteristics' in line:
                dims, sign = line.split(': ')[1].split()
                w, h, prec = (int(v) for v in dims.split('x'))
                comps.append((w, h, prec, sign == 'signed'))
        with open(dst, 'rb') as f:
            raw = f.read()
        planes, at = [], 0
        for w, h, prec, signed in comps:
            size = 1 if prec <= 8 else 2
            code = {(1, False): 'B', (1, True): 'b', (2, False): 'H', (2, True): 'h'}[(size, signed)]
            a = array.array(code)
            a.frombytes(raw[at:at + w * h * size])
            if sys.byteorder == 'big':
                a.byteswap()
            planes.append(a)
            at += w * h * size
        decoded.append(planes)
    return decoded, 'opj_decompress -i FRAME.j2k -o FRAME.rawl (OpenJPEG, frames cut out by pydicom)'


def little_endian(ds):
    raw = ds.PixelData
    bits = ds.BitsAllocated
    size = bits // 8 if bits >= 16 else (2 if bits == 8 and ds['PixelData'].VR == 'OW' else 1)
    if size == 1:
        return raw
    return b''.join(raw[i:i + size][::-1] for i in range(0, len(raw) - len(raw) % size, size))


def header(ds, ts):
    def num(keyword, default=None):
        v = ds.get(keyword)
        return default if v is None or v == '' else int(v)
    return {
        'transfer_syntax': ts,
        'rows': num('Rows'), 'columns': num('Columns'), 'frames': num('NumberOfFrames', 1) or 1,
        'samples_per_pixel': num('SamplesPerPixel', 1), 'photometric': str(ds.get('PhotometricInterpretation', '')),
        'bits_allocated': num('BitsAllocated'), 'bits_stored': num('BitsStored'),
        'high_bit': num('HighBit'), 'pixel_representation': num('PixelRepresentation', 0),
        'planar_configuration': num('PlanarConfiguration', 0),
    }


def unpack(raw, bits, count, offset_samples):
    """count samples of `bits` bits allocated, starting at sample offset_samples, little endian, unsigned."""
    if bits == 1:
        return [(raw[(offset_samples + i) >> 3] >> ((offset_samples + i) & 7)) & 1 for i in range(count)]
    size = bits // 8
    code = {1: 'B', 2: 'H', 4: 'I'}[size]
    a = array.array(code)
    a.frombytes(raw[offset_samples * size:(offset_samples + count) * size])
    if sys.byteorder == 'big':
        a.byteswap()
    if len(a) < count:
        raise ReferenceFailure('truncated pixel data: %d of %d samples' % (len(a), count))
    return a


def to_stored(values, h):
    stored, high = h['bits_stored'], h['high_bit'] if h['high_bit'] is not None else h['bits_stored'] - 1
    low = max(0, high - stored + 1)
    mask = (1 << stored) - 1
    signed = h['pixel_representation'] == 1
    out = []
    for v in values:
        v = (v >> low) & mask
        if signed and v >> (stored - 1):
            v -= 1 << stored
        out.append(v)
    return out


def luma(r, g, b):
    return math.floor(0.299 * r + 0.587 * g + 0.114 * b + 0.5)


def grey_frame(samples, h, photometric, planar, n):
    """Grey values of one frame from its samples (interleaved unless planar)."""
    spp = h['samples_per_pixel']
    if spp == 1:
        return samples
    if photometric == 'YBR_FULL_422' and len(samples) == 2 * n:  # native 4:2:2: Y1 Y2 Cb Cr per pixel pair
        return [samples[4 * (i // 2) + (i % 2)] for i in range(n)]
    comp = ([samples[i * n:(i + 1) * n] for i in range(3)] if planar == 1
            else [samples[c::3] for c in range(3)])
    if photometric.startswith('YBR_FULL'):
        return list(comp[0])
    return [luma(r, g, b) for r, g, b in zip(*comp)]


def modality(ds, h, grey):
    if h['samples_per_pixel'] != 1:
        return grey, 'none (colour)'
    seq = ds.get('ModalityLUTSequence')
    if seq:
        item = seq[0]
        n, first, bits = [int(v) for v in item.LUTDescriptor]
        n = n or 65536
        if h['pixel_representation'] == 1 and first > 32767:
            first -= 65536
        data = item.LUTData
        if isinstance(data, (bytes, bytearray)):
            lut = array.array('H' if len(data) >= 2 * n else 'B')
            lut.frombytes(bytes(data[:n * lut.itemsize]))
        else:
            lut = list(data) if isinstance(data, (list, pydicom.multival.MultiValue)) else [data]
        lut = list(lut)[:n]
        return [lut[0] if v < first else lut[-1] if v - first >= len(lut) else lut[v - first] for v in grey], \
            'Modality LUT Sequence (%d entries, first %d, %d bits)' % (n, first, bits)
    slope = float(ds.get('RescaleSlope', 1) or 1)
    intercept = float(ds.get('RescaleIntercept', 0) or 0)
    if slope == 1 and intercept == 0:
        return grey, 'identity'
    return [v * slope + intercept for v in grey], 'rescale %r %r' % (slope, intercept)


def stats(ds, h, photometric, planar, samples_of_frame, frame):
    rows, cols = h['rows'], h['columns']
    n = rows * cols
    grey = grey_frame(samples_of_frame, h, photometric, planar, n)
    fits = all(-2**31 <= v < 2**31 for v in grey)  # Lightbox holds grey values as 32-bit signed integers
    digest = hashlib.sha256(struct.pack('<%di' % n, *grey)).hexdigest() if fits else None
    values, how = modality(ds, h, grey)
    points = sorted({((cols - 1) * i // 4, (rows - 1) * j // 4) for i in range(5) for j in range(5)})
    return {
        'frame': frame, 'modality_lut': how,
        'min': min(values), 'max': max(values), 'sum': math.fsum(values),
        'samples': [[x, y, values[y * cols + x]] for x, y in points],
        'stored_sha256': digest, 'fits_int32': fits,
    }


def dcmdump_verdict(path):
    """dcmdump's own judgement of the file: 'ok' or its last error line."""
    p = subprocess.run(['dcmdump', '-q', path], capture_output=True, text=True, errors='replace')
    lines = [l for l in p.stderr.splitlines() if l.startswith(('E:', 'F:'))]
    return 'ok' if p.returncode == 0 and not lines else (lines[-1] if lines else 'exit %d' % p.returncode)


def reference(path):
    verdict = dcmdump_verdict(path)
    result = reference_of(path, verdict)
    result['dcmdump'] = verdict
    premature = 'premature end' in verdict or 'premature end' in result.get('reason', '')
    if not result['decodable'] and result.get('dicom') and premature:
        result['category'] = 'truncated'
    return result


def reference_of(path, verdict):
    if not looks_like_dicom(path):
        return {'dicom': False, 'decodable': False, 'category': 'not_dicom',
                'reason': 'no DICM marker and no group 0002/0008 element at the start; dcmdump: ' + verdict}
    try:
        ds = pydicom.dcmread(path, force=True)
        ts = str(ds.file_meta.get('TransferSyntaxUID', '')) if hasattr(ds, 'file_meta') else ''
        if not ts:
            ts = '1.2.840.10008.1.2' if ds.is_implicit_VR else (
                '1.2.840.10008.1.2.1' if ds.is_little_endian else '1.2.840.10008.1.2.2')
        has_pixels = 'PixelData' in ds and 'Rows' in ds
    except Exception as e:  # pydicom's own words are the reason
        return {'dicom': True, 'decodable': False, 'category': 'unreadable', 'reason': 'pydicom: %s' % e}
    if not has_pixels:
        return {'dicom': True, 'decodable': False, 'category': 'no_pixel_data', 'transfer_syntax': ts,
                'reason': 'no top-level Pixel Data (7FE0,0010) with Rows (0028,0010)'}
    try:
        h = header(ds, ts)
    except Exception as e:
        return {'dicom': True, 'decodable': False, 'category': 'bad_header', 'transfer_syntax': ts,
                'reason': 'pydicom: %s' % e}
    result = {'dicom': True, 'transfer_syntax': ts, 'header': h, 'lossy': ts in LOSSY}
    frames = h['frames']
    with tempfile.TemporaryDirectory() as tmp:
        try:
            native, how, j2k = native_copy(path, ts, tmp, frames)
            checked = sorted({0, frames - 1})
            result['reference'] = how
            result['frames_checked'] = []
            n = h['rows'] * h['columns']
            if native is None:  # JPEG 2000: planes from OpenJPEG
                for f in checked:
                    planes = j2k[f]
                    samples = planes[0] if len(planes) == 1 else [v for p in planes for v in p]
                    samples = to_stored(samples, h)
                    result['frames_checked'].append(stats(ds, h, 'RGB', 1, samples, f))
            else:
                dec = ds if native == 'big-endian' else pydicom.dcmread(native)
                photometric = str(dec.get('PhotometricInterpretation', ''))
                planar = int(dec.get('PlanarConfiguration', 0) or 0)
                raw = dec.PixelData if native != 'big-endian' else little_endian(ds)
                spp = h['samples_per_pixel']
                per_frame = n * spp if not (photometric == 'YBR_FULL_422' and spp == 3) else 2 * n
                expected = per_frame * frames
                have = len(raw) * 8 // h['bits_allocated']
                if have < expected:
                    raise ReferenceFailure('truncated: Pixel Data holds %d of %d samples' % (have, expected))
                for f in checked:
                    samples = to_stored(unpack(raw, h['bits_allocated'], per_frame, f * per_frame), h)
                    result['frames_checked'].append(stats(dec, h, photometric, planar, samples, f))
                result['decoded_photometric'] = photometric
            result['decodable'] = True
        except ReferenceFailure as e:
            result.update(decodable=False, category='reference_failed', reason=str(e))
    return result


def main(src, out):
    count = 0
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if is_sidecar(name):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, src)
            result = reference(path)
            result = {'file': rel, 'file_sha256': sha256_of(path), **result}
            target = os.path.join(out, rel + '.json')
            os.makedirs(os.path.dirname(target), exist_ok=True)
            text = json.dumps(result, indent=1)
            text = re.sub(r'\[\s+(-?[0-9.e+-]+),\s+(-?[0-9.e+-]+),\s+(-?[0-9.e+-]+)\s+\]', r'[\1, \2, \3]', text)
            with open(target, 'w') as f:
                f.write(text + '\n')
            count += 1
            print('%-70s %s' % (rel, 'decodable' if result.get('decodable') else result.get('category')))
    print('%d fixtures' % count)


def sha256_of(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
