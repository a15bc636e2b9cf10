#!/usr/bin/env python3
"""Claim files (QĐ 130/4750 GIAMDINHHS envelopes) for the XML bench: make_claims.py DIR N [MB]
writes N files claim0001.xml... of a realistic size (one patient: XML1..XML3 inner files in
base64, about 12 KB), or, with MB, one file big.xml of about MB megabytes (many patients), and
for each a template copy t-*.xml with an empty Signature for `xmlsec1 --sign`."""
import base64
import sys
from pathlib import Path

TEMPLATE = ('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>'
            '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>'
            '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>'
            '<Reference URI=""><Transforms><Transform Algorithm='
            '"http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms><DigestMethod '
            'Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference>'
            '</SignedInfo><SignatureValue/><KeyInfo><X509Data><X509SubjectName/><X509Certificate/>'
            '</X509Data></KeyInfo></Signature>')


def patient(n):
    drugs = "".join(f"<CHI_TIET_THUOC><MA_LK>LK{n:06d}</MA_LK><STT>{k}</STT><TEN_THUOC>"
                    f"Paracetamol 500mg viên nén bao phim {k}</TEN_THUOC><SO_LUONG>10</SO_LUONG>"
                    f"<DON_GIA>1500</DON_GIA></CHI_TIET_THUOC>" for k in range(40))
    inner = {
        "XML1": f"<TONG_HOP><MA_LK>LK{n:06d}</MA_LK><HO_TEN>Nguyễn Thị Lấp Lánh {n}</HO_TEN>"
                f"<CHAN_DOAN_RV>Viêm phế quản cấp</CHAN_DOAN_RV><T_TONGCHI>{150000 + n}"
                "</T_TONGCHI></TONG_HOP>",
        "XML2": f"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>{drugs}</DSACH_CHI_TIET_THUOC>"
                "</CHITIEU_CHITIET_THUOC>",
        "XML3": f"<CHITIEU_CHITIET_DVKT><MA_LK>LK{n:06d}</MA_LK><TEN_DICH_VU>Xét nghiệm công "
                "thức máu</TEN_DICH_VU></CHITIEU_CHITIET_DVKT>",
    }
    files = "".join(
        f"<FILEHOSO><LOAIHOSO>{k}</LOAIHOSO><NOIDUNGFILE>"
        + base64.b64encode(('<?xml version="1.0" encoding="utf-8"?>' + v).encode()).decode()
        + "</NOIDUNGFILE></FILEHOSO>" for k, v in inner.items())
    return f"<HOSO>{files}</HOSO>"


def claim(patients, signature=""):
    return ('<?xml version="1.0" encoding="utf-8"?>\n<GIAMDINHHS><THONGTINDONVI><MACSKCB>79001'
            "</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20261205</NGAYLAP><SOLUONGHOSO>"
            f"{len(patients)}</SOLUONGHOSO><DANHSACHHOSO>" + "".join(patients) +
            f"</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI>{signature}</CHUKYDONVI></GIAMDINHHS>\n")


def main():
    d, n = Path(sys.argv[1]), int(sys.argv[2])
    d.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3:
        one = patient(0)
        count = max(1, int(float(sys.argv[3]) * 1024 * 1024 / len(one.encode())))
        patients = [patient(i) for i in range(count)]
        (d / "big.xml").write_text(claim(patients))
        (d / "t-big.xml").write_text(claim(patients, TEMPLATE))
        return
    for i in range(1, n + 1):
        (d / f"claim{i:04d}.xml").write_text(claim([patient(i)]))
        (d / f"t-claim{i:04d}.xml").write_text(claim([patient(i)], TEMPLATE))


if __name__ == "__main__":
    main()
