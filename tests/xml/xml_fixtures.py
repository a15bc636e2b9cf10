#!/usr/bin/env python3
"""The XML fixtures of make-xml-fixtures.sh: unsigned layouts, xmlsec1 templates, and the attacks
made on xmlsec1-signed files. Usage: xml_fixtures.py unsigned|templates|attacks DIR"""
import base64
import re
import sys
from pathlib import Path

DSIG = "http://www.w3.org/2000/09/xmldsig#"


def inner(kind, n):
    body = (f"<TONG_HOP><MA_LK>LK{n:05d}</MA_LK><HO_TEN>Nguyễn Thị Lấp Lánh {n}</HO_TEN>"
            f"<CHAN_DOAN_RV>Viêm phế quản cấp</CHAN_DOAN_RV><T_TONGCHI>{150000 + n}</T_TONGCHI>"
            f"</TONG_HOP>") if kind == "XML1" else (
            f"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>LK{n:05d}</MA_LK>"
            f"<TEN_THUOC>Paracetamol 500mg</TEN_THUOC><SO_LUONG>10</SO_LUONG></CHI_TIET_THUOC>"
            f"</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>")
    return base64.b64encode(('<?xml version="1.0" encoding="utf-8"?>' + body).encode()).decode()


def claim(signature="", decl=True, hoso_id=""):
    files = "".join(
        f"<FILEHOSO><LOAIHOSO>{k}</LOAIHOSO><NOIDUNGFILE>{inner(k, 1)}</NOIDUNGFILE></FILEHOSO>"
        for k in ("XML1", "XML2"))
    hid = f' Id="{hoso_id}"' if hoso_id else ""
    return (('<?xml version="1.0" encoding="utf-8"?>\n' if decl else "") +
            "<GIAMDINHHS>\n"
            "  <THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI>\n"
            f"  <THONGTINHOSO{hid}><NGAYLAP>20261205</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO>\n"
            f"    <DANHSACHHOSO><HOSO>{files}</HOSO></DANHSACHHOSO>\n"
            "  </THONGTINHOSO>\n"
            f"  <CHUKYDONVI>{signature}</CHUKYDONVI>\n"
            "</GIAMDINHHS>\n")


def invoice(signature=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<HDon><DLHDon Id="data"><TTChung><PBan>2.0.1</PBan>'
            "<THDon>Hóa đơn giá trị gia tăng</THDon><KHHDon>C26TYY</KHHDon><SHDon>123</SHDon>"
            "<NLap>2026-12-05</NLap></TTChung><NDHDon><NBan><Ten>Bệnh viện Đa khoa tỉnh</Ten>"
            "<MST>0301234567</MST></NBan><NMua><Ten>Trần Văn Bình</Ten></NMua>"
            "<TToan><TgTTTBSo>150000</TgTTTBSo><TgTTTBChu>Một trăm năm mươi nghìn đồng</TgTTTBChu>"
            f"</TToan></NDHDon></DLHDon><DSCKS><NBan>{signature}</NBan><NMua/></DSCKS></HDon>\n")


def generic(signature=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<BaoCao xmlns="urn:kyso:test:baocao">'
            '<NoiDung Id="nd1"><TieuDe>Báo cáo tình hình dịch bệnh tuần 49</TieuDe>'
            "<SoCa>12</SoCa></NoiDung><ChuKy/>" + signature + "</BaoCao>\n")


def template(ref_uri, method="rsa-sha256", digest="sha256", extra_refs="", obj="", sig_id=""):
    meth = {"rsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "ecdsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "rsa-sha1": "http://www.w3.org/2000/09/xmldsig#rsa-sha1"}[method]
    dig = {"sha256": "http://www.w3.org/2001/04/xmlenc#sha256",
           "sha1": "http://www.w3.org/2000/09/xmldsig#sha1"}[digest]
    sid = f' Id="{sig_id}"' if sig_id else ""
    return (f'<Signature xmlns="{DSIG}"{sid}><SignedInfo>'
            '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>'
            f'<SignatureMethod Algorithm="{meth}"/>'
            f'<Reference URI="{ref_uri}"><Transforms><Transform '
            'Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>'
            f'<DigestMethod Algorithm="{dig}"/><DigestValue/></Reference>{extra_refs}</SignedInfo>'
            "<SignatureValue/><KeyInfo><X509Data><X509SubjectName/><X509Certificate/></X509Data>"
            f"</KeyInfo>{obj}</Signature>")


def unsigned(d):
    (d / "claim.xml").write_text(claim())
    (d / "claim-bom.xml").write_bytes(b"\xef\xbb\xbf" + claim().encode())
    (d / "checkin.xml").write_text(
        "<CHECKIN><THONGTINDONVI><MACSKCB>79001</MACSKCB></THONGTINDONVI><THONGTINHOSO>"
        "<MA_LK>LK00001</MA_LK><HO_TEN>Lê Thị Hồng Nhung</HO_TEN><NGAY_VAO>202612050730</NGAY_VAO>"
        "</THONGTINHOSO><CHUKYDONVI/></CHECKIN>\n")
    (d / "catalogue.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<HSDANHMUC><THONGTINDONVI><MACSKCB>79001'
        "</MACSKCB></THONGTINDONVI><DANHMUC><LOAIDANHMUC>THUOC</LOAIDANHMUC><NOIDUNGFILE>"
        + inner("XML2", 7) + "</NOIDUNGFILE></DANHMUC><CHUKYDONVI></CHUKYDONVI></HSDANHMUC>\n")
    (d / "invoice.xml").write_text(invoice())
    (d / "generic.xml").write_text(generic())
    (d / "unsigned-foreign.xml").write_text(claim(
        '<Signature xmlns="http://www.w3.org/2000/09/xmldsig-fake#"><SignedInfo/>'
        "<SignatureValue>AAAA</SignatureValue></Signature>"))
    lol = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    (d / "billion-laughs.xml").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE GIAMDINHHS [<!ENTITY l0 "ha">{lol}]>\n'
        "<GIAMDINHHS><MACSKCB>&l9;</MACSKCB><CHUKYDONVI/></GIAMDINHHS>\n")
    (d / "xxe.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE HDon [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<HDon><DLHDon Id=\"data\">&x;</DLHDon></HDon>\n")
    (d / "malformed.xml").write_text("<GIAMDINHHS><CHUKYDONVI></GIAMDINHHS>\n")


def templates(d):
    (d / "t-claim.xml").write_text(claim(template("")))
    st = ('<Object Id="SigningTime"><SignatureProperties><SignatureProperty Target="#seller">'
          "<SigningTime>2026-12-05T09:30:00+07:00</SigningTime></SignatureProperty>"
          "</SignatureProperties></Object>")
    st_ref = ('<Reference URI="#SigningTime"><DigestMethod '
              'Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference>')
    (d / "t-invoice.xml").write_text(invoice(template("#data", extra_refs=st_ref, obj=st,
                                                      sig_id="seller")))
    (d / "t-ec.xml").write_text(generic(template("", method="ecdsa-sha256")))
    (d / "t-sha1.xml").write_text(claim(template("", method="rsa-sha1", digest="sha1")))
    (d / "t-id-only.xml").write_text(claim(template("#hs"), hoso_id="hs"))


def replace_once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def attacks(d):
    xc = (d / "x-claim.xml").read_text()
    xi = (d / "x-invoice.xml").read_text()
    (d / "a-changed.xml").write_text(replace_once(xc, "<MACSKCB>79001<", "<MACSKCB>79099<"))
    # The signed invoice data moved into the signature's Object; a forged one (no Id) where
    # invoice software reads it.
    m = re.search(r"<DLHDon Id=\"data\">.*?</DLHDon>", xi, re.S)
    signed = m.group(0)
    forged = signed.replace(' Id="data"', "").replace("150000", "9150000")
    w = xi.replace(signed, forged, 1)
    w = replace_once(w, "</Signature>", f"<Object>{signed}</Object></Signature>")
    (d / "a-wrap-object.xml").write_text(w)
    # Two elements with Id="data": the forged one first.
    w = xi.replace(signed, signed.replace("150000", "9150000") + f"<Extension>{signed}</Extension>", 1)
    (d / "a-wrap-dup-id.xml").write_text(w)
    (d / "a-foreign-ns.xml").write_text(replace_once(
        xc, f'<Signature xmlns="{DSIG}"', '<Signature xmlns="http://www.w3.org/2000/09/xmldsig-more#"'))
    (d / "a-external-ref.xml").write_text(replace_once(xc, '<Reference URI=""',
                                                       '<Reference URI="file:///etc/passwd"'))
    (d / "a-xslt.xml").write_text(replace_once(
        xc, "<Transforms>", '<Transforms><Transform Algorithm="http://www.w3.org/TR/1999/'
        'REC-xslt-19991116"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
        'version="1.0"/></Transform>'))
    (d / "a-hmac.xml").write_text(re.sub(
        r'<SignatureMethod Algorithm="[^"]*"', '<SignatureMethod Algorithm='
        '"http://www.w3.org/2000/09/xmldsig#hmac-sha1"', xc, count=1))


if __name__ == "__main__":
    step, folder = sys.argv[1], Path(sys.argv[2])
    {"unsigned": unsigned, "templates": templates, "attacks": attacks}[step](folder)
