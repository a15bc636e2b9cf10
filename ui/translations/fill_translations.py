#!/usr/bin/env python3
"""Fills ui/translations/kyso_{vi,en}.ts after `cmake --build <dir> --target update_translations`.

lupdate collects every tr() string; this script writes the Vietnamese text for each source string
in its table (and the English plural forms). A string the table lacks keeps the reviewed
translation the .ts file already has; one with neither is left unfinished and reported: the
translation test then fails.
Usage: fill_translations.py ui/translations
"""
import sys
import xml.etree.ElementTree as ET

VI = {
    # Main window
    "kyso — digital signatures": "kyso — chữ ký số",
    "Tokens": "Thiết bị ký số",
    "Sign": "Ký số",
    "Verify": "Kiểm tra chữ ký",
    "Inventory": "Quản lý",
    "Log": "Nhật ký",
    "&File": "&Tệp",
    "&Settings…": "&Cài đặt…",
    "&Quit": "&Thoát",
    "&View": "&Xem",
    "&Language": "&Ngôn ngữ",
    "No token plugged in": "Chưa cắm thiết bị ký số",
    "Token: %1 — %2": "Thiết bị: %1 — %2",
    # PIN dialog
    "Security officer PIN": "Mã PIN quản trị (SO)",
    "Enter the security officer (SO) PIN of %1.": "Nhập mã PIN quản trị (SO) của %1.",
    "PIN for this signature": "Mã PIN cho lần ký này",
    "The key on %1 asks for the PIN again before each signature.":
        "Khóa trên %1 yêu cầu nhập lại mã PIN trước mỗi lần ký.",
    "Token PIN": "Mã PIN của thiết bị",
    "Enter the PIN of %1.": "Nhập mã PIN của %1.",
    "Enter the PIN on the reader's keypad for %1, then press Continue.":
        "Nhập mã PIN trên bàn phím của đầu đọc cho %1, rồi bấm Tiếp tục.",
    "Locked: request restoration of this token.":
        "Đã bị khóa: cần đề nghị khôi phục thiết bị này.",
    "%n tries left": "Còn %n lần thử",
    "The audit log has never been sealed: seal it with your token (kyso inventory audit-seal).":
        "Nhật ký kiểm toán chưa từng được niêm phong: hãy niêm phong bằng thiết bị ký số của bạn "
        "(kyso inventory audit-seal).",
    "The audit log was last sealed on %1, more than a week ago: seal it with your token (kyso inventory audit-seal).":
        "Nhật ký kiểm toán được niêm phong lần cuối ngày %1, đã hơn một tuần: hãy niêm phong bằng "
        "thiết bị ký số của bạn (kyso inventory audit-seal).",
    "Sign documents that can change?": "Ký tài liệu có thể thay đổi nội dung?",
    "What these documents show can change after you sign them:\n%1\n\nSign them anyway?":
        "Nội dung hiển thị của các tài liệu này có thể thay đổi sau khi ký:\n%1\n\nVẫn ký?",
    "Sign anyway": "Vẫn ký",
    "A wrong PIN was entered recently: few tries are left.":
        "Vừa nhập sai mã PIN: chỉ còn ít lần thử.",
    "This token does not say how many tries are left.":
        "Thiết bị không cho biết còn bao nhiêu lần thử.",
    "This is the final try: one more wrong PIN locks the token, and unlocking it takes a restoration request.":
        "Đây là lần thử cuối: nhập sai thêm một lần, thiết bị sẽ bị khóa và phải làm đề nghị khôi phục.",
    "I understand that a wrong PIN now locks the token":
        "Tôi hiểu rằng nhập sai mã PIN lúc này sẽ khóa thiết bị",
    "PIN": "Mã PIN",
    "Continue": "Tiếp tục",
    "OK": "Đồng ý",
    "Cancel": "Hủy",
    # Token list
    "(no token)": "(không có thiết bị)",
    "Unnamed token": "Thiết bị không tên",
    "%1 (serial %2)": "%1 (số sê-ri %2)",
    "Locked: request restoration": "Đã khóa: cần đề nghị khôi phục",
    "Final try: one wrong PIN locks it": "Lần thử cuối: sai một lần nữa sẽ bị khóa",
    "The PIN must be changed": "Phải đổi mã PIN",
    "A wrong PIN was entered": "Đã nhập sai mã PIN",
    "Unknown": "Không rõ",
    "(empty reader)": "(đầu đọc trống)",
    "Reader": "Đầu đọc",
    "Token": "Thiết bị",
    "Serial": "Số sê-ri",
    "First expiry": "Hết hạn sớm nhất",
    # Tokens tab
    "Token access is not available in this build: the token layer (kyso_pkcs11) was not built.":
        "Bản dựng này không có chức năng truy cập thiết bị ký số: chưa dựng thư viện kyso_pkcs11.",
    "Change the PIN of %1?": "Đổi mã PIN của %1?",
    "Unblock the user PIN of %1 with the security officer (SO) PIN?":
        "Mở khóa mã PIN người dùng của %1 bằng mã PIN quản trị (SO)?",
    "Run a signing self-test on %1? It asks for the PIN.":
        "Chạy thử ký trên %1? Sẽ cần nhập mã PIN.",
    "Confirm": "Xác nhận",
    "No reader found. Plug in a token.": "Không tìm thấy đầu đọc. Hãy cắm thiết bị ký số.",
    "Select a token to see its details.": "Chọn một thiết bị để xem chi tiết.",
    "Manufacturer": "Nhà sản xuất",
    "Model": "Kiểu",
    "PIN entry": "Cách nhập mã PIN",
    "on the reader's keypad": "trên bàn phím của đầu đọc",
    "on the keyboard": "trên bàn phím máy tính",
    "Certificates": "Chứng thư số",
    "Change PIN…": "Đổi mã PIN…",
    "Unblock with SO PIN…": "Mở khóa bằng mã PIN quản trị…",
    "Self-test…": "Chạy thử…",
    # Settings
    "Choose a PKCS#11 module": "Chọn mô-đun PKCS#11",
    "Libraries (*.so *.so.*)": "Thư viện (*.so *.so.*)",
    "Choose a trust anchor": "Chọn chứng thư gốc tin cậy",
    "Certificates (*.pem *.crt *.cer)": "Chứng thư số (*.pem *.crt *.cer)",
    "Choose the inventory database": "Chọn cơ sở dữ liệu quản lý",
    "SQLite databases (*.db *.sqlite)": "Cơ sở dữ liệu SQLite (*.db *.sqlite)",
    "Settings": "Cài đặt",
    "PKCS#11 modules (token drivers)": "Mô-đun PKCS#11 (trình điều khiển thiết bị ký số)",
    "Add…": "Thêm…",
    "Remove": "Bỏ",
    "Time-stamping authority (TSA) URL": "Địa chỉ dịch vụ cấp dấu thời gian (TSA)",
    "http://…": "http://…",
    "Trusted certificate authorities": "Tổ chức chứng thực được tin cậy",
    "Government specialised PKI (Ban Cơ yếu Chính phủ)":
        "Chữ ký số chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ)",
    "Public CAs under the Vietnam National Root CA":
        "Chữ ký số công cộng (Tổ chức chứng thực gốc quốc gia)",
    "Add anchor…": "Thêm chứng thư gốc…",
    "Inventory database": "Cơ sở dữ liệu quản lý",
    "SQLite file or postgresql://…": "Tệp SQLite hoặc postgresql://…",
    "Browse…": "Chọn…",
    "Language": "Ngôn ngữ",
    # Sign tab
    "Signing from this window is not available in this version: use the kyso command line to sign. You can preview files and place the signature here.":
        "Phiên bản này chưa ký được từ cửa sổ này: hãy dùng dòng lệnh kyso để ký. Tại đây bạn có thể xem trước tệp và đặt vị trí chữ ký.",
    "Choose files to sign": "Chọn tệp cần ký",
    "PDF documents (*.pdf)": "Văn bản PDF (*.pdf)",
    "All files (*)": "Mọi tệp (*)",
    "Qt PDF cannot show this file.": "Không hiển thị được tệp này.",
    "Open…": "Mở…",
    "Certificate": "Chứng thư số",
    "Kind": "Loại ký",
    "Level": "Mức",
    "Approved (personal signature)": "Ký phê duyệt (chữ ký cá nhân)",
    "Issued (organisation seal)": "Ký phát hành (đóng dấu cơ quan)",
    "Copy (sao y)": "Ký bản sao (sao y)",
    "Appendix": "Ký phụ lục",
    "Incoming document": "Ký văn bản đến",
    "Invisible": "Ký ẩn",
    "No certificate: plug in a token": "Chưa có chứng thư số: hãy cắm thiết bị ký số",
    "Page": "Trang",
    "File": "Tệp",
    "Progress": "Tiến độ",
    "Result": "Kết quả",
    "Open": "Mở",
    "Show in folder": "Mở thư mục chứa",
    "Drop PDF documents or other files here": "Thả văn bản PDF hoặc tệp khác vào đây",
    "Drop files on the list or press Open.": "Thả tệp vào danh sách hoặc bấm Mở.",
    "Draw the rectangle where the signature goes.": "Vẽ khung ở chỗ đặt chữ ký.",
    "Signature on page %1 at (%2, %3)–(%4, %5) pt.": "Chữ ký ở trang %1, tại (%2, %3)–(%4, %5) pt.",
    # Verify / inventory
    "Verification is not available in this build: the PDF verifier (kyso_pdfverify) was not built.":
        "Bản dựng này không có chức năng kiểm tra chữ ký: chưa dựng thư viện kyso_pdfverify.",
    "The inventory is not available in this build: the register (kyso_inventory) was not built.":
        "Bản dựng này không có chức năng quản lý: chưa dựng thư viện kyso_inventory.",
    'Reading the register…': 'Đang đọc sổ quản lý…',
    'The register cannot be read: %1': 'Không đọc được sổ quản lý: %1',
    '%1 — %2 tokens, %3 certificates, %4 expiring within 60 days, %5 warnings.': '%1 — %2 thiết bị, %3 chứng thư số, %4 sắp hết hạn trong 60 ngày, %5 cảnh báo.',
    'No history yet.': 'Chưa có lịch sử.',
    'Token %1': 'Thiết bị %1',
    'Certificate %1': 'Chứng thư số %1',
    'The change was not recorded: %1': 'Không ghi nhận được thay đổi: %1',
    'Search…': 'Tìm kiếm…',
    'Reload': 'Tải lại',
    'Change state…': 'Đổi trạng thái…',
    'Expiring soon': 'Sắp hết hạn',
    'People': 'Cán bộ',
    'Units': 'Đơn vị',
    'Holder': 'Người giữ',
    'Unit': 'Đơn vị',
    'State': 'Trạng thái',
    'Last seen': 'Lần thấy gần nhất',
    'Subject': 'Chủ thể',
    'Valid from': 'Hiệu lực từ',
    'Valid until': 'Hiệu lực đến',
    'Issuer': 'Tổ chức cấp',
    'Full name': 'Họ và tên',
    'Position': 'Chức vụ',
    'E-mail': 'Thư điện tử',
    'Phone': 'Điện thoại',
    'Left on': 'Ngày nghỉ',
    'Name': 'Tên',
    'Parent unit': 'Đơn vị cấp trên',
    'Focal person': 'Người đầu mối',
    'All states': 'Mọi trạng thái',
    'Changing the PIN of %1': 'Đổi mã PIN của %1',
    'Unblocking the PIN of %1': 'Mở khóa mã PIN của %1',
    '%1: done.': '%1: đã xong.',
    '%1 failed: %2': '%1 không thành công: %2',
    'New PIN': 'Mã PIN mới',
    'Choose the new PIN of %1 and type it twice.': 'Chọn mã PIN mới cho %1 và nhập hai lần.',
    'New security officer PIN': 'Mã PIN quản trị mới',
    'Choose the new security officer (SO) PIN of %1 and type it twice.': 'Chọn mã PIN quản trị (SO) mới cho %1 và nhập hai lần.',
    'The same PIN again': 'Nhập lại mã PIN',
    'Change state': 'Đổi trạng thái',
    '%1, now “%2”': '%1, hiện là “%2”',
    'e.g. 286/SYT-VP': 'ví dụ 286/SYT-VP',
    'New state': 'Trạng thái mới',
    'Request document number': 'Số văn bản đề nghị',
    'Request document date': 'Ngày văn bản đề nghị',
    '(choose the person)': '(chọn người nhận)',
    'The token has been wiped': 'Token đã được xóa sạch',
    'Receiving person': 'Người nhận',
    'No change of state is allowed from here.':
        'Từ trạng thái này không được phép đổi sang trạng thái nào.',
    "the request document's number and date": 'số và ngày của văn bản đề nghị',
    "the request document's number and date, or a revocation confirmed online":
        'số và ngày của văn bản đề nghị, hoặc kết quả thu hồi đã xác nhận trực tuyến',
    'the person who receives the token': 'người nhận token',
    'that the token has been wiped': 'token đã được xóa sạch',
    'a note on what happened': 'ghi chú về việc đã xảy ra',
    'This change needs nothing more.': 'Lần đổi này không cần thêm gì.',
    'This change needs: %1.': 'Lần đổi này cần: %1.',
    '%1: hand over to another person': '%1: bàn giao cho người khác',
    'Note': 'Ghi chú',
    'Checking…': 'Đang kiểm tra…',
    'Valid': 'Hợp lệ',
    'NOT valid': 'KHÔNG hợp lệ',
    'Cannot be confirmed': 'Chưa xác nhận được',
    'Not signed': 'Chưa ký',
    'Cannot be read': 'Không đọc được',
    'The file could not be read as a PDF.': 'Không đọc được tệp dưới dạng PDF.',
    'The document has no signature.': 'Văn bản không có chữ ký.',
    '%n signatures. ': '%n chữ ký. ',
    'Verdict': 'Kết luận',
    'Why': 'Lý do',
    'The CMS layer is not in this build: signatures are checked for structure and changes only, and are never reported as valid.': 'Bản dựng này không có lớp CMS: chỉ kiểm tra cấu trúc và các thay đổi, không bao giờ kết luận là hợp lệ.',
    'Choose documents to verify': 'Chọn văn bản cần kiểm tra',
    'Choose a folder to verify': 'Chọn thư mục cần kiểm tra',
    'The trust settings cannot be used: %1': 'Không dùng được cài đặt tin cậy: %1',
    'Save the report': 'Lưu báo cáo',
    'HTML report (*.html)': 'Báo cáo HTML (*.html)',
    'PDF report (*.pdf)': 'Báo cáo PDF (*.pdf)',
    'The report was not saved: %1': 'Chưa lưu được báo cáo: %1',
    'Drop signed PDF documents or folders here, or press Add.': 'Thả văn bản PDF đã ký hoặc thư mục vào đây, hoặc bấm Thêm.',
    'Add files…': 'Thêm tệp…',
    'Add folder…': 'Thêm thư mục…',
    'Clear': 'Xóa danh sách',
    'Save report…': 'Lưu báo cáo…',
}

# Where one English word needs two Vietnamese ones, keyed by (lupdate context, source).
VI_IN_CONTEXT = {
    ("kyso::ui::TokenListModel", "OK"): "Bình thường",
}

EN_PLURALS = {
    "%n tries left": ("%n try left", "%n tries left"),
    "%n signatures. ": ("%n signature. ", "%n signatures. "),
}


def fill(path, lang):
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        context = ctx.find("name").text
        for msg in ctx.iter("message"):
            src = msg.find("source").text or ""
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            # A reviewed translation already in the file stays when the table has no entry for it:
            # the .ts files hold the translations the table was never given.
            done = tr.get("type") != "unfinished" and ((tr.text or "").strip() or len(tr))
            if lang == "vi" and done and VI_IN_CONTEXT.get((context, src), VI.get(src)) is None:
                continue
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            if "type" in tr.attrib:
                del tr.attrib["type"]
            if lang == "vi":
                text = VI_IN_CONTEXT.get((context, src), VI.get(src))
                if text is None:
                    missing.append(src)
                    tr.set("type", "unfinished")
                    continue
                if numerus:
                    ET.SubElement(tr, "numerusform").text = text  # Vietnamese has one plural form
                else:
                    tr.text = text
            else:
                if numerus:
                    one, many = EN_PLURALS.get(src, (src, src))
                    ET.SubElement(tr, "numerusform").text = one
                    ET.SubElement(tr, "numerusform").text = many
                else:
                    tr.text = src
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "ui/translations"
    missing = fill(folder + "/kyso_vi.ts", "vi")
    fill(folder + "/kyso_en.ts", "en")
    for m in missing:
        print("missing Vietnamese:", m)
    sys.exit(1 if missing else 0)
