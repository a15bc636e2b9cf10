#!/usr/bin/env python3
"""Writes a one-page hybrid-reference PDF (PDF 32000-1 7.5.8.4) byte by byte: OUT.pdf.

No tool at hand writes hybrid files (qpdf, cairo, podofo and poppler write either a classic table
or an xref stream), yet Word and Acrobat produced them for years for PDF 1.4 readers. The layout:

  1 0 obj  Catalog                 uncompressed, in the classic table
  2 0 obj  Pages                   compressed in object stream 6, so only in the xref stream
  3 0 obj  Page                    uncompressed
  4 0 obj  page content stream     uncompressed
  5 0 obj  Font (Helvetica)        compressed in object stream 6
  6 0 obj  object stream (2 and 5) uncompressed
  7 0 obj  cross-reference stream  /Type /XRef listing 2 and 5 as type 2 entries (in 6, at 0 and 1)
  xref     classic table with subsections 0-1, 3-4 and 6-7: every object but 2 and 5 at its byte
           offset (a PDF 1.4 reader does not see the compressed objects)
  trailer  /Size 8 /Root 1 0 R /ID [...] /XRefStm <offset of 7 0 obj>

A reader that knows xref streams follows /XRefStm and finds 2 and 5 in object stream 6. Offsets are
computed while writing, so the file is exact; qpdf --check and pdfsig read it without repair.
"""
import sys


def main(out_path):
    content = b"BT /F1 24 Tf 72 720 Td (Hybrid reference PDF) Tj ET\n"
    objstm_objs = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    header, body, pos = b"", b"", 0
    for num, obj in zip((2, 5), objstm_objs):
        header += b"%d %d " % (num, pos)
        body += obj + b"\n"
        pos += len(obj) + 1
    objstm_data = header + body
    first = len(header)

    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}

    def obj(num, text):
        offsets[num] = len(out)
        out.extend(b"%d 0 obj\n" % num + text + b"\nendobj\n")

    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
           b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
    obj(4, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    obj(6, b"<< /Type /ObjStm /N 2 /First %d /Length %d >>\nstream\n" % (first, len(objstm_data))
        + objstm_data + b"\nendstream")
    # Entries: type 2, object stream 6, index 0 and 1 (W [1 4 2]).
    xref_data = bytes([2, 0, 0, 0, 6, 0, 0]) + bytes([2, 0, 0, 0, 6, 0, 1])
    obj(7, b"<< /Type /XRef /Size 8 /W [1 4 2] /Index [2 1 5 1] /Length %d >>\nstream\n"
        % len(xref_data) + xref_data + b"\nendstream")

    xref_at = len(out)
    # Subsections 0-1, 3-4, 6-7: the compressed objects 2 and 5 are left out of the classic table
    # (poppler takes an entry from the first section that has it, so a free entry there would
    # hide the object from it).
    out.extend(b"xref\n0 2\n0000000000 65535 f\r\n%010d 00000 n\r\n" % offsets[1])
    for start in (3, 6):
        out.extend(b"%d 2\n" % start)
        for num in (start, start + 1):
            out.extend(b"%010d 00000 n\r\n" % offsets[num])
    doc_id = b"<6b79736f2068796272696420726566>"
    out.extend(b"trailer\n<< /Size 8 /Root 1 0 R /ID [%s %s] /XRefStm %d >>\n"
               % (doc_id, doc_id, offsets[7]))
    out.extend(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-hybrid-pdf.py OUT.pdf")
    main(sys.argv[1])
