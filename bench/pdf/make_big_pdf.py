#!/usr/bin/env python3
"""make_big_pdf.py OUT.pdf MEGABYTES: a one-page PDF carrying an uncompressed grey image of about
MEGABYTES MB (random pixels), written in 1 MiB chunks (the generator itself stays small)."""
import os
import sys

out, mb = sys.argv[1], int(sys.argv[2])
side = int((mb * 1024 * 1024) ** 0.5)
n = side * side
with open(out, "wb") as f:
    offs = {}
    def obj(num, body):
        offs[num] = f.tell()
        f.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im 4 0 R >> >> /Contents 5 0 R >>")
    offs[4] = f.tell()
    f.write(b"4 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, n))
    left = n
    while left:
        k = min(left, 1 << 20)
        f.write(os.urandom(k))
        left -= k
    f.write(b"\nendstream\nendobj\n")
    content = b"q 500 0 0 700 50 70 cm /Im Do Q"
    obj(5, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    xref = f.tell()
    f.write(b"xref\n0 6\n0000000000 65535 f\r\n")
    for i in range(1, 6):
        f.write(b"%010d 00000 n\r\n" % offs[i])
    f.write(b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
