<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Pkcs11TokenSource</name>
    <message>
        <source>The token driver %1 cannot be loaded: %2</source>
        <translation>Không nạp được trình điều khiển token %1: %2</translation>
    </message>
    <message>
        <source>The token driver %1 does not list its readers: %2</source>
        <translation>Trình điều khiển token %1 không liệt kê được đầu đọc: %2</translation>
    </message>
</context>
<context>
    <name>QtServiceHost</name>
    <message>
        <source>Signing the documents the site sent…</source>
        <translation>Đang ký các văn bản trang web gửi…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>kyso: signing a batch</source>
        <translation>kyso: ký một lô văn bản</translation>
    </message>
    <message>
        <source>%1 of %2 signed</source>
        <translation>Đã ký %1/%2</translation>
    </message>
    <message>
        <source>%1 of %2 documents signed and sent.</source>
        <translation>Đã ký và gửi %1/%2 văn bản.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>kyso: %1 asks you to choose the file to sign</source>
        <translation>kyso: %1 yêu cầu bạn chọn tệp để ký</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>Văn bản PDF (*.pdf *.PDF)</translation>
    </message>
</context>
<context>
    <name>SignBatch</name>
    <message>
        <source>The signer&apos;s title and name were not found on the page: draw the rectangle in the preview.</source>
        <translation>Không tìm thấy chức vụ và họ tên người ký trên trang: hãy vẽ khung trong phần xem trước.</translation>
    </message>
    <message>
        <source>There is no approval signature to put the seal over: draw the rectangle in the preview.</source>
        <translation>Không có chữ ký phê duyệt để đóng dấu lên: hãy vẽ khung trong phần xem trước.</translation>
    </message>
    <message>
        <source>This kind needs an image (the handwriting or the seal): choose one, or record it in the inventory.</source>
        <translation>Loại ký này cần hình ảnh (chữ ký tay hoặc con dấu): hãy chọn ảnh, hoặc lưu ảnh trong sổ quản lý.</translation>
    </message>
    <message>
        <source>Fill in the document number.</source>
        <translation>Hãy điền số, ký hiệu văn bản.</translation>
    </message>
    <message>
        <source>Fill in the arrival number.</source>
        <translation>Hãy điền số đến.</translation>
    </message>
    <message>
        <source>The certificate gives no signer name to print.</source>
        <translation>Chứng thư số không có họ tên người ký để in.</translation>
    </message>
    <message>
        <source>A detail of the document is missing (%1).</source>
        <translation>Thiếu một thông tin của văn bản (%1).</translation>
    </message>
    <message>
        <source>Draw the rectangle in the preview.</source>
        <translation>Hãy vẽ khung trong phần xem trước.</translation>
    </message>
    <message>
        <source>File %1: %2</source>
        <translation>Tệp %1: %2</translation>
    </message>
    <message>
        <source>%1 was not signed: %2</source>
        <translation>Chưa ký được %1: %2</translation>
    </message>
</context>
<context>
    <name>SigningCert</name>
    <message>
        <source>%1 — token %2</source>
        <translation>%1 — thiết bị %2</translation>
    </message>
    <message>
        <source>%1 — token %2 (valid until %3)</source>
        <translation>%1 — thiết bị %2 (hiệu lực đến %3)</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (hiệu lực đến %2)</translation>
    </message>
</context>
<context>
    <name>SigningCerts</name>
    <message>
        <source>The certificates on %1 cannot be read: %2</source>
        <translation>Không đọc được chứng thư số trên %1: %2</translation>
    </message>
</context>
<context>
    <name>TokenManagement</name>
    <message>
        <source>The token was initialised with the label &quot;%1&quot;.</source>
        <translation>Đã khởi tạo thiết bị với nhãn &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Generated %1, ID %2, label &quot;%3&quot;.</source>
        <translation>Đã sinh khóa %1, mã định danh %2, nhãn &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The certificate request was saved to %1.</source>
        <translation>Đã lưu yêu cầu cấp chứng thư số vào %1.</translation>
    </message>
    <message>
        <source>The certificate was stored with the key ID %1 (CA certificates stored with it: %2).</source>
        <translation>Đã lưu chứng thư số cùng khóa có mã định danh %1 (số chứng thư CA lưu kèm: %2).</translation>
    </message>
    <message>
        <source>%1: signed and verified.</source>
        <translation>%1: ký thử và kiểm tra thành công.</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: không thành công: %2</translation>
    </message>
</context>
<context>
    <name>kyso::ui</name>
    <message>
        <source>No token is plugged in</source>
        <translation>Chưa cắm token nào</translation>
    </message>
    <message>
        <source>Token plugged in: %1</source>
        <translation>Token đang cắm: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>đã từ chối</translation>
    </message>
    <message>
        <source>not done: %1</source>
        <translation>không xong: %1</translation>
    </message>
    <message>
        <source>Last request: %1 from %2 at %3, %4</source>
        <translation>Yêu cầu gần nhất: %1 từ %2 lúc %3, %4</translation>
    </message>
    <message>
        <source>No request yet</source>
        <translation>Chưa có yêu cầu nào</translation>
    </message>
</context>
<context>
    <name>kyso::ui::ApprovalDialog</name>
    <message>
        <source>sign a digest the site computed (SignMsg)</source>
        <translation>ký một giá trị băm do trang web tính (SignMsg)</translation>
    </message>
    <message>
        <source>see your certificate</source>
        <translation>xem chứng thư số của bạn</translation>
    </message>
    <message>
        <source>sign a file (a separate .p7s signature)</source>
        <translation>ký một tệp (chữ ký rời .p7s)</translation>
    </message>
    <message>
        <source>sign a PDF (no visible signature)</source>
        <translation>ký văn bản PDF (không hiện chữ ký)</translation>
    </message>
    <message>
        <source>approve a document (your signature)</source>
        <translation>ký duyệt văn bản (chữ ký của bạn)</translation>
    </message>
    <message>
        <source>issue a document (the seal, number and date)</source>
        <translation>ký ban hành (con dấu, số và ngày)</translation>
    </message>
    <message>
        <source>stamp an incoming document</source>
        <translation>đóng dấu văn bản đến</translation>
    </message>
    <message>
        <source>certify a copy</source>
        <translation>ký sao y</translation>
    </message>
    <message>
        <source>sign an appendix</source>
        <translation>ký phụ lục</translation>
    </message>
    <message>
        <source>kyso: a web page asks for a signature</source>
        <translation>kyso: một trang web yêu cầu ký số</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Trang web:</translation>
    </message>
    <message>
        <source>Asks to:</source>
        <translation>Yêu cầu:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Giá trị băm:</translation>
    </message>
    <message>
        <source>Sent to:</source>
        <translation>Gửi về:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>Show the certificate</source>
        <translation>Cho xem chứng thư số</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>No signing certificate: plug in your token.</source>
        <translation>Không có chứng thư số để ký: hãy cắm token.</translation>
    </message>
    <message>
        <source>kyso: a new site</source>
        <translation>kyso: một trang web mới</translation>
    </message>
    <message>
        <source>The site %1 wants kyso to sign documents with your token.
Allow this site to ask for signatures?</source>
        <translation>Trang %1 muốn kyso ký văn bản bằng token của bạn.
Cho phép trang này yêu cầu ký số?</translation>
    </message>
    <message numerus="yes">
        <source>sign %n document(s) at once (PDFs: no visible signature; other files: a separate .p7s)</source>
        <translation>
            <numerusform>ký cùng lúc %n văn bản (PDF: chữ ký không hiển thị; tệp khác: chữ ký rời .p7s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1 (%2)%3</translation>
    </message>
    <message>
        <source>, a separate .p7s</source>
        <translation>, chữ ký rời .p7s</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Các văn bản:</translation>
    </message>
    <message>
        <source>sign a health-insurance claim file (XML, the unit&apos;s signature)</source>
        <translation>ký hồ sơ giám định bảo hiểm y tế (XML, chữ ký của đơn vị)</translation>
    </message>
    <message>
        <source>sign an e-invoice (XML, the seller&apos;s signature)</source>
        <translation>ký hóa đơn điện tử (XML, chữ ký của người bán)</translation>
    </message>
    <message>
        <source>sign an XML document</source>
        <translation>ký tài liệu XML</translation>
    </message>
    <message>
        <source>Root element:</source>
        <translation>Phần tử gốc:</translation>
    </message>
    <message>
        <source>Signatures already in it:</source>
        <translation>Chữ ký đã có:</translation>
    </message>
    <message>
        <source>The site receives:</source>
        <translation>Trang web nhận:</translation>
    </message>
    <message>
        <source>the signature alone, to place in the document itself</source>
        <translation>chỉ phần chữ ký, để tự đặt vào tài liệu</translation>
    </message>
    <message>
        <source>The signature&apos;s place could not be found: %1</source>
        <translation>Không tìm được chỗ đặt chữ ký: %1</translation>
    </message>
    <message>
        <source>The signature goes in the marked place on page %1.</source>
        <translation>Chữ ký sẽ được đặt ở chỗ đánh dấu trên trang %1.</translation>
    </message>
    <message>
        <source>%1 (%2, chosen on this computer)</source>
        <translation>%1 (%2, chọn trên máy này)</translation>
    </message>
</context>
<context>
    <name>kyso::ui::DemoSession</name>
    <message>
        <source>There is no demo in %1: run &quot;kyso demo&quot; first.</source>
        <translation>Chưa có bản chạy thử trong %1: hãy chạy &quot;kyso demo&quot; trước.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::InventoryTab</name>
    <message>
        <source>Reading the register…</source>
        <translation>Đang đọc sổ quản lý…</translation>
    </message>
    <message>
        <source>The register cannot be read: %1</source>
        <translation>Không đọc được sổ quản lý: %1</translation>
    </message>
    <message>
        <source>The audit log has never been sealed: seal it with your token (kyso inventory audit-seal).</source>
        <translation>Nhật ký kiểm toán chưa từng được niêm phong: hãy niêm phong bằng thiết bị ký số của bạn (kyso inventory audit-seal).</translation>
    </message>
    <message>
        <source>The audit log was last sealed on %1, more than a week ago: seal it with your token (kyso inventory audit-seal).</source>
        <translation>Nhật ký kiểm toán được niêm phong lần cuối ngày %1, đã hơn một tuần: hãy niêm phong bằng thiết bị ký số của bạn (kyso inventory audit-seal).</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Chưa có lịch sử.</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Thiết bị %1</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Chứng thư số %1</translation>
    </message>
    <message>
        <source>The change was not recorded: %1</source>
        <translation>Không ghi nhận được thay đổi: %1</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Tìm kiếm…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Change state…</source>
        <translation>Đổi trạng thái…</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Thiết bị ký số</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Sắp hết hạn</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Số sê-ri</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Nhà sản xuất</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người giữ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Lần thấy gần nhất</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Tổ chức cấp</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ngày thôi việc</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Focal person</source>
        <translation>Người đầu mối</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation>Bảng tính CSV (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Trang web (*.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Reading the plugged tokens…</source>
        <translation>Đang đọc các thiết bị ký số đang cắm…</translation>
    </message>
    <message>
        <source>The tokens cannot be read: %1</source>
        <translation>Không đọc được thiết bị ký số: %1</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>Đồng bộ không thành công: %1</translation>
    </message>
    <message>
        <source>Tokens seen: %1; new records: %2; differences: %3.</source>
        <translation>Thiết bị đã thấy: %1; bản ghi mới: %2; điểm khác biệt: %3.</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>Nhập dữ liệu không thành công: %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported: rows rejected: %1 of %2 (listed below).</source>
        <translation>Không nhập dòng nào: số dòng bị từ chối: %1/%2 (liệt kê bên dưới).</translation>
    </message>
    <message>
        <source>Tokens imported: %1.</source>
        <translation>Số thiết bị đã nhập: %1.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Xuất dữ liệu không thành công: %1</translation>
    </message>
    <message>
        <source>The tokens were saved to %1.</source>
        <translation>Đã lưu danh sách thiết bị vào %1.</translation>
    </message>
    <message>
        <source>The report failed: %1</source>
        <translation>Lập báo cáo không thành công: %1</translation>
    </message>
    <message>
        <source>The report per unit is shown below.</source>
        <translation>Báo cáo theo đơn vị hiển thị bên dưới.</translation>
    </message>
    <message>
        <source>The report per unit was saved to %1.</source>
        <translation>Đã lưu báo cáo theo đơn vị vào %1.</translation>
    </message>
    <message>
        <source>Sync with plugged tokens</source>
        <translation>Đồng bộ với thiết bị đang cắm</translation>
    </message>
    <message>
        <source>No token layer in this build</source>
        <translation>Bản dựng này không có lớp thiết bị ký số</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Nhập từ CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất ra CSV…</translation>
    </message>
    <message>
        <source>Report per unit…</source>
        <translation>Báo cáo theo đơn vị…</translation>
    </message>
    <message>
        <source>Signing service log…</source>
        <translation>Nhật ký dịch vụ ký số…</translation>
    </message>
    <message>
        <source>Every request web pages made to the signing service on this computer</source>
        <translation>Mọi yêu cầu các trang web gửi tới dịch vụ ký số trên máy này</translation>
    </message>
    <message>
        <source>%1: hand over to another person</source>
        <translation>%1: bàn giao cho người khác</translation>
    </message>
    <message>
        <source>Units added: %1. People added: %2.</source>
        <translation>Đã thêm %1 đơn vị và %2 người.</translation>
    </message>
    <message>
        <source>Add the missing units and people?</source>
        <translation>Thêm các đơn vị và người còn thiếu?</translation>
    </message>
    <message>
        <source>%1 of %2 rows name a unit or a person the inventory does not have (listed below). Add them to the inventory and import every row?</source>
        <translation>%1 trong %2 dòng ghi đơn vị hoặc người chưa có trong sổ theo dõi (liệt kê bên dưới). Thêm họ vào sổ và nhập tất cả các dòng?</translation>
    </message>
    <message>
        <source>Add them and import</source>
        <translation>Thêm và nhập</translation>
    </message>
    <message>
        <source>Warnings (%1)…</source>
        <translation>Cảnh báo (%1)…</translation>
    </message>
    <message>
        <source>Add a unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <source>Saved: %1 (%2).</source>
        <translation>Đã lưu: %1 (%2).</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Đã lưu: %1.</translation>
    </message>
    <message>
        <source>%1 — %2, %3, %4, %5.</source>
        <translation>%1 — %2, %3, %4, %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n thiết bị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n chứng thư số</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 60 days</source>
        <translation>
            <numerusform>%n sắp hết hạn trong 60 ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n cảnh báo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kyso::ui::MainWindow</name>
    <message>
        <source>Token: %1 — %2</source>
        <translation>Thiết bị: %1 — %2</translation>
    </message>
    <message>
        <source>No token plugged in</source>
        <translation>Chưa cắm thiết bị ký số</translation>
    </message>
    <message>
        <source>kyso — digital signatures</source>
        <translation>kyso — chữ ký số</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Thiết bị ký số</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Quản lý</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Changing the PIN of %1</source>
        <translation>Đổi mã PIN của %1</translation>
    </message>
    <message>
        <source>Unblocking the PIN of %1</source>
        <translation>Mở khóa mã PIN của %1</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: đã xong.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 không thành công: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: không thành công: %2</translation>
    </message>
    <message>
        <source>The token layer is not running.</source>
        <translation>Phần đọc token chưa chạy.</translation>
    </message>
    <message>
        <source>About kyso</source>
        <translation>Giới thiệu kyso</translation>
    </message>
    <message>
        <source>&lt;b&gt;kyso&lt;/b&gt; %1&lt;br&gt;Digital signatures for official documents: sign and verify PDF, XML and other files with your USB token.</source>
        <translation>&lt;b&gt;kyso&lt;/b&gt; %1&lt;br&gt;Chữ ký số cho văn bản hành chính: ký và kiểm tra chữ ký trên PDF, XML và các tệp khác bằng token USB của bạn.</translation>
    </message>
    <message>
        <source>The command line does the same work: &lt;tt&gt;kyso --help&lt;/tt&gt;. The README (in /usr/share/doc/kyso when installed as a package) explains each task.&lt;br&gt;Qt %1</source>
        <translation>Dòng lệnh làm được cùng các việc này: &lt;tt&gt;kyso --help&lt;/tt&gt;. Tệp README (trong /usr/share/doc/kyso khi cài bằng gói) hướng dẫn từng việc.&lt;br&gt;Qt %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About kyso…</source>
        <translation>&amp;Giới thiệu kyso…</translation>
    </message>
    <message>
        <source>The signing service cannot verify signatures: %1</source>
        <translation>Dịch vụ ký số không kiểm tra được chữ ký: %1</translation>
    </message>
    <message>
        <source>Technical details in the log</source>
        <translation>Chi tiết kỹ thuật trong nhật ký</translation>
    </message>
</context>
<context>
    <name>kyso::ui::PersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>Edit a person</source>
        <translation>Sửa thông tin người</translation>
    </message>
    <message>
        <source>full name with diacritics, e.g. Nguyễn Văn A</source>
        <translation>họ và tên có dấu, ví dụ Nguyễn Văn A</translation>
    </message>
    <message>
        <source>Has left the unit on</source>
        <translation>Đã thôi việc từ ngày</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Chữ ký tay</translation>
    </message>
    <message>
        <source>Choose the handwriting image</source>
        <translation>Chọn ảnh chữ ký tay</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>kept in the register</source>
        <translation>đã lưu trong sổ quản lý</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>kyso::ui::PinDialog</name>
    <message>
        <source>Security officer PIN</source>
        <translation>Mã PIN quản trị (SO)</translation>
    </message>
    <message>
        <source>Enter the security officer (SO) PIN of %1.</source>
        <translation>Nhập mã PIN quản trị (SO) của %1.</translation>
    </message>
    <message>
        <source>PIN for this signature</source>
        <translation>Mã PIN cho lần ký này</translation>
    </message>
    <message>
        <source>The key on %1 asks for the PIN again before each signature.</source>
        <translation>Khóa trên %1 yêu cầu nhập lại mã PIN trước mỗi lần ký.</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>Mã PIN của thiết bị</translation>
    </message>
    <message>
        <source>Enter the PIN of %1.</source>
        <translation>Nhập mã PIN của %1.</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader&apos;s keypad for %1, then press Continue.</source>
        <translation>Nhập mã PIN trên bàn phím của đầu đọc cho %1, rồi bấm Tiếp tục.</translation>
    </message>
    <message>
        <source>Locked: request restoration of this token.</source>
        <translation>Đã bị khóa: cần đề nghị khôi phục thiết bị này.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>Còn %n lần thử</numerusform>
        </translation>
    </message>
    <message>
        <source>A wrong PIN was entered recently: few tries are left.</source>
        <translation>Vừa nhập sai mã PIN: chỉ còn ít lần thử.</translation>
    </message>
    <message>
        <source>This token does not say how many tries are left.</source>
        <translation>Thiết bị không cho biết còn bao nhiêu lần thử.</translation>
    </message>
    <message>
        <source>This is the final try: one more wrong PIN locks the token, and unlocking it takes a restoration request.</source>
        <translation>Đây là lần thử cuối: nhập sai thêm một lần, thiết bị sẽ bị khóa và phải làm đề nghị khôi phục.</translation>
    </message>
    <message>
        <source>I understand that a wrong PIN now locks the token</source>
        <translation>Tôi hiểu rằng nhập sai mã PIN lúc này sẽ khóa thiết bị</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Mã PIN mới</translation>
    </message>
    <message>
        <source>Choose the new PIN of %1 and type it twice.</source>
        <translation>Chọn mã PIN mới cho %1 và nhập hai lần.</translation>
    </message>
    <message>
        <source>New security officer PIN</source>
        <translation>Mã PIN quản trị mới</translation>
    </message>
    <message>
        <source>Choose the new security officer (SO) PIN of %1 and type it twice.</source>
        <translation>Chọn mã PIN quản trị (SO) mới cho %1 và nhập hai lần.</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
</context>
<context>
    <name>kyso::ui::ServiceLogDialog</name>
    <message>
        <source>kyso: what web pages asked the signing service</source>
        <translation>kyso: các trang web đã yêu cầu dịch vụ ký số những gì</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>Không đọc được nhật ký: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>đã từ chối</translation>
    </message>
    <message>
        <source>not done: %1</source>
        <translation>không xong: %1</translation>
    </message>
    <message>
        <source>No web page has asked the signing service yet.</source>
        <translation>Chưa có trang web nào yêu cầu dịch vụ ký số.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the log could not be read.</source>
        <translation>
            <numerusform>%n dòng của nhật ký không đọc được.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), newest first.</source>
        <translation>
            <numerusform>%n yêu cầu, mới nhất trước.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kyso::ui::ServiceRunner</name>
    <message>
        <source>The signing service runs at https://127.0.0.1:%1</source>
        <translation>Dịch vụ ký số đang chạy tại https://127.0.0.1:%1</translation>
    </message>
    <message>
        <source>The signing service is stopped</source>
        <translation>Dịch vụ ký số đã dừng</translation>
    </message>
    <message>
        <source>Show kyso</source>
        <translation>Mở kyso</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Quit kyso (the signing service stops)</source>
        <translation>Thoát kyso (dịch vụ ký số dừng)</translation>
    </message>
</context>
<context>
    <name>kyso::ui::SettingsDialog</name>
    <message>
        <source>Choose a PKCS#11 module</source>
        <translation>Chọn mô-đun PKCS#11</translation>
    </message>
    <message>
        <source>Libraries (*.so *.so.*)</source>
        <translation>Thư viện (*.so *.so.*)</translation>
    </message>
    <message>
        <source>Choose a trust anchor</source>
        <translation>Chọn chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Choose the inventory database</source>
        <translation>Chọn cơ sở dữ liệu quản lý</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>Cơ sở dữ liệu SQLite (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>PKCS#11 modules (token drivers)</source>
        <translation>Mô-đun PKCS#11 (trình điều khiển thiết bị ký số)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Time-stamping authority (TSA) URL</source>
        <translation>Địa chỉ dịch vụ cấp dấu thời gian (TSA)</translation>
    </message>
    <message>
        <source>http://…</source>
        <translation>http://…</translation>
    </message>
    <message>
        <source>Trusted certificate authorities</source>
        <translation>Tổ chức chứng thực được tin cậy</translation>
    </message>
    <message>
        <source>Government specialised PKI (Ban Cơ yếu Chính phủ)</source>
        <translation>Chữ ký số chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ)</translation>
    </message>
    <message>
        <source>Public CAs under the Vietnam National Root CA</source>
        <translation>Chữ ký số công cộng (Tổ chức chứng thực gốc quốc gia)</translation>
    </message>
    <message>
        <source>Add anchor…</source>
        <translation>Thêm chứng thư gốc…</translation>
    </message>
    <message>
        <source>Inventory database</source>
        <translation>Cơ sở dữ liệu quản lý</translation>
    </message>
    <message>
        <source>SQLite file or postgresql://…</source>
        <translation>Tệp SQLite hoặc postgresql://…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Choose your handwritten signature</source>
        <translation>Chọn ảnh chữ ký tay của bạn</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s seal</source>
        <translation>Chọn ảnh con dấu của đơn vị</translation>
    </message>
    <message>
        <source>Signing service for web document systems</source>
        <translation>Dịch vụ ký số cho hệ thống quản lý văn bản</translation>
    </message>
    <message>
        <source>Sites served without asking:</source>
        <translation>Trang được phục vụ không cần hỏi:</translation>
    </message>
    <message>
        <source>https://vanban.soyte.example.gov.vn (several: separated by spaces)</source>
        <translation>https://vanban.soyte.example.gov.vn (nhiều trang: cách nhau bởi dấu cách)</translation>
    </message>
    <message>
        <source>Handwritten signature:</source>
        <translation>Chữ ký tay:</translation>
    </message>
    <message>
        <source>Unit&apos;s seal (issuing):</source>
        <translation>Con dấu đơn vị (phát hành):</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>PNG or JPEG; empty: your name only</source>
        <translation>PNG hoặc JPEG; bỏ trống: chỉ tên của bạn</translation>
    </message>
    <message>
        <source>PNG or JPEG of the round seal</source>
        <translation>PNG hoặc JPEG con dấu tròn</translation>
    </message>
    <message>
        <source>Choose a certificate revocation list</source>
        <translation>Chọn danh sách thu hồi chứng thư số</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl *.pem *.der)</source>
        <translation>Danh sách thu hồi (*.crl *.pem *.der)</translation>
    </message>
    <message>
        <source>Revocation lists (CRL) kept on this computer, used before the network:</source>
        <translation>Danh sách thu hồi (CRL) lưu trên máy này, dùng trước khi hỏi qua mạng:</translation>
    </message>
    <message>
        <source>Add CRL…</source>
        <translation>Thêm CRL…</translation>
    </message>
</context>
<context>
    <name>kyso::ui::SignTab</name>
    <message>
        <source>Choose files to sign</source>
        <translation>Chọn tệp cần ký</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Qt PDF cannot show this file.</source>
        <translation>Không hiển thị được tệp này.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại ký</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Mức</translation>
    </message>
    <message>
        <source>Approved (personal signature)</source>
        <translation>Ký phê duyệt (chữ ký cá nhân)</translation>
    </message>
    <message>
        <source>Issued (organisation seal)</source>
        <translation>Ký phát hành (đóng dấu cơ quan)</translation>
    </message>
    <message>
        <source>Copy (sao y)</source>
        <translation>Ký bản sao (sao y)</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Ký phụ lục</translation>
    </message>
    <message>
        <source>Incoming document</source>
        <translation>Ký văn bản đến</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Ký ẩn</translation>
    </message>
    <message>
        <source>No certificate: plug in a token</source>
        <translation>Chưa có chứng thư số: hãy cắm thiết bị ký số</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mở thư mục chứa</translation>
    </message>
    <message>
        <source>Drop PDF documents or other files here</source>
        <translation>Thả văn bản PDF hoặc tệp khác vào đây</translation>
    </message>
    <message>
        <source>Drop files on the list or press Open.</source>
        <translation>Thả tệp vào danh sách hoặc bấm Mở.</translation>
    </message>
    <message>
        <source>Draw the rectangle where the signature goes.</source>
        <translation>Vẽ khung ở chỗ đặt chữ ký.</translation>
    </message>
    <message>
        <source>Cancelled: the files already signed are kept.</source>
        <translation>Đã dừng: các tệp đã ký vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Choose the handwritten signature or the seal</source>
        <translation>Chọn ảnh chữ ký tay hoặc con dấu</translation>
    </message>
    <message>
        <source>Choose the folder for the signed files</source>
        <translation>Chọn thư mục lưu các tệp đã ký</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Sẽ dừng sau tệp đang ký…</translation>
    </message>
    <message>
        <source>The level %1 needs a time-stamping server: set it in Settings, or choose B-B.</source>
        <translation>Mức %1 cần máy chủ cấp dấu thời gian: hãy đặt trong Cài đặt, hoặc chọn B-B.</translation>
    </message>
    <message>
        <source>Sign documents that can change?</source>
        <translation>Ký tài liệu có thể thay đổi nội dung?</translation>
    </message>
    <message>
        <source>What these documents show can change after you sign them:
%1

Sign them anyway?</source>
        <translation>Nội dung hiển thị của các tài liệu này có thể thay đổi sau khi ký:
%1

Vẫn ký?</translation>
    </message>
    <message>
        <source>Sign anyway</source>
        <translation>Vẫn ký</translation>
    </message>
    <message>
        <source>Replace signed files?</source>
        <translation>Thay thế các tệp đã ký?</translation>
    </message>
    <message>
        <source>These files exist already:
%1

Replace them?</source>
        <translation>Các tệp sau đã có:
%1

Thay thế chúng?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <source>Keep them and skip those files</source>
        <translation>Giữ nguyên và bỏ qua các tệp đó</translation>
    </message>
    <message>
        <source>Skipped: the signed file exists</source>
        <translation>Bỏ qua: tệp đã ký đã có</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Nothing to sign.</source>
        <translation>Không có tệp nào cần ký.</translation>
    </message>
    <message>
        <source>Signed (%1): %2</source>
        <translation>Đã ký (%1): %2</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Chưa ký: %1</translation>
    </message>
    <message>
        <source>Not signed (the batch stopped)</source>
        <translation>Chưa ký (đợt ký đã dừng)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Hình ảnh</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <source>From the inventory (the person&apos;s handwriting, the unit&apos;s seal)</source>
        <translation>Lấy từ sổ quản lý (chữ ký tay của người ký, con dấu của đơn vị)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Use the inventory&apos;s</source>
        <translation>Dùng ảnh trong sổ quản lý</translation>
    </message>
    <message>
        <source>Beside each original, as NAME-signed.pdf</source>
        <translation>Cạnh tệp gốc, với tên TÊN-signed.pdf</translation>
    </message>
    <message>
        <source>Beside the originals</source>
        <translation>Cạnh tệp gốc</translation>
    </message>
    <message>
        <source>This file gets a detached signature (.p7s) beside it.</source>
        <translation>Tệp này được ký rời (.p7s), lưu cạnh tệp.</translation>
    </message>
    <message>
        <source>This XML file gets an XML signature inside it, in a copy named NAME-signed.xml.</source>
        <translation>Tệp XML này được ký bằng chữ ký XML nằm bên trong, lưu thành bản NAME-signed.xml.</translation>
    </message>
    <message>
        <source>An invisible signature: nothing is drawn on the page.</source>
        <translation>Chữ ký ẩn: không hiển thị gì trên trang.</translation>
    </message>
    <message>
        <source>Signing: %1 of %2 done; not signed: %3.</source>
        <translation>Đang ký: xong %1/%2; chưa ký được: %3.</translation>
    </message>
    <message>
        <source>Signed: %1; not signed: %2.</source>
        <translation>Đã ký: %1; chưa ký được: %2.</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <source>Copy form</source>
        <translation>Hình thức sao</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số, ký hiệu văn bản</translation>
    </message>
    <message>
        <source>e.g. 125</source>
        <translation>ví dụ 125</translation>
    </message>
    <message>
        <source>e.g. 286/SYT-VP</source>
        <translation>ví dụ 286/SYT-VP</translation>
    </message>
    <message>
        <source>No automatic place: %1</source>
        <translation>Không tự tìm được vị trí: %1</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>The date written into the letter&apos;s &quot;ngày ... tháng ... năm ...&quot; line</source>
        <translation>Ngày ghi vào dòng &quot;ngày ... tháng ... năm ...&quot; của văn bản</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do ký</translation>
    </message>
    <message>
        <source>e.g. Phát hành</source>
        <translation>ví dụ Phát hành</translation>
    </message>
    <message>
        <source>The reason for signing, kept in the signature</source>
        <translation>Lý do ký số, lưu trong chữ ký</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Nơi ký</translation>
    </message>
    <message>
        <source>e.g. Huế</source>
        <translation>ví dụ Huế</translation>
    </message>
    <message>
        <source>The place of signing, kept in the signature</source>
        <translation>Nơi ký số, lưu trong chữ ký</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>B-B: the signature alone; its time is the computer&apos;s.
B-T: with a timestamp from the time-stamping server set in Settings, which proves when it was signed.
B-LT: also keeps the certificates and revocation answers, so that it can still be checked after the certificate expires.
B-LTA: also a document timestamp, for records kept for many years.</source>
        <translation>B-B: chỉ có chữ ký; thời điểm ký lấy theo đồng hồ máy tính.
B-T: kèm dấu thời gian của máy chủ cấp dấu thời gian đặt trong Cài đặt, chứng minh thời điểm ký.
B-LT: lưu thêm các chứng thư số và kết quả kiểm tra thu hồi, để vẫn kiểm tra được sau khi chứng thư số hết hạn.
B-LTA: thêm dấu thời gian cho cả tài liệu, cho hồ sơ lưu trữ nhiều năm.</translation>
    </message>
    <message>
        <source>Signature on page %1: %2 × %3 mm, %4 mm from the left and %5 mm from the top.</source>
        <translation>Chữ ký ở trang %1: %2 × %3 mm, cách mép trái %4 mm và mép trên %5 mm.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokenActionDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Certificate requests (*.pem *.csr)</source>
        <translation>Yêu cầu cấp chứng thư số (*.pem *.csr)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der *.p7b *.p7c)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Initialise %1? This erases every key and certificate on the token; you then choose a new security officer (SO) PIN and the first user PIN.</source>
        <translation>Khởi tạo %1? Thao tác này xóa mọi khóa và chứng thư số trên thiết bị; sau đó bạn chọn mã PIN quản trị (SO) mới và mã PIN người dùng đầu tiên.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nhãn mới</translation>
    </message>
    <message>
        <source>I understand that everything on this token is erased</source>
        <translation>Tôi hiểu rằng mọi dữ liệu trên thiết bị này sẽ bị xóa</translation>
    </message>
    <message>
        <source>Initialise</source>
        <translation>Khởi tạo</translation>
    </message>
    <message>
        <source>Generate a new signing key on %1?</source>
        <translation>Sinh khóa ký mới trên %1?</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Loại khóa</translation>
    </message>
    <message>
        <source>Key ID (hex)</source>
        <translation>Mã định danh khóa (hex)</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Nhãn khóa</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Sinh khóa</translation>
    </message>
    <message>
        <source>Make a certificate request with a key on %1? The key signs the request.</source>
        <translation>Lập yêu cầu cấp chứng thư số bằng một khóa trên %1? Khóa đó sẽ ký yêu cầu.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <source>Save the request as</source>
        <translation>Lưu yêu cầu thành</translation>
    </message>
    <message>
        <source>Make the request</source>
        <translation>Lập yêu cầu</translation>
    </message>
    <message>
        <source>Store a certificate on %1, beside its key? Other certificates in the file are stored as CA certificates.</source>
        <translation>Lưu chứng thư số vào %1, cùng với khóa của nó? Các chứng thư khác trong tệp được lưu làm chứng thư CA.</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Test %1? Every signing key signs a test message and the signature is checked.</source>
        <translation>Kiểm tra %1? Mỗi khóa ký sẽ ký thử một thông điệp và chữ ký được kiểm tra lại.</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Chạy kiểm tra</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokenListModel</name>
    <message>
        <source>(no token)</source>
        <translation>(không có thiết bị)</translation>
    </message>
    <message>
        <source>Unnamed token</source>
        <translation>Thiết bị không tên</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (số sê-ri %2)</translation>
    </message>
    <message>
        <source>Locked: request restoration</source>
        <translation>Đã khóa: cần đề nghị khôi phục</translation>
    </message>
    <message>
        <source>Final try: one wrong PIN locks it</source>
        <translation>Lần thử cuối: sai một lần nữa sẽ bị khóa</translation>
    </message>
    <message>
        <source>The PIN must be changed</source>
        <translation>Phải đổi mã PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>Còn %n lần thử</numerusform>
        </translation>
    </message>
    <message>
        <source>A wrong PIN was entered</source>
        <translation>Đã nhập sai mã PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>(empty reader)</source>
        <translation>(đầu đọc trống)</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Đầu đọc</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Số sê-ri</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>First expiry</source>
        <translation>Hết hạn sớm nhất</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokensTab</name>
    <message>
        <source>Token access is not available in this build: the token layer (kyso_pkcs11) was not built.</source>
        <translation>Bản dựng này không có chức năng truy cập thiết bị ký số: chưa dựng thư viện kyso_pkcs11.</translation>
    </message>
    <message>
        <source>Change the PIN of %1?</source>
        <translation>Đổi mã PIN của %1?</translation>
    </message>
    <message>
        <source>Unblock the user PIN of %1 with the security officer (SO) PIN?</source>
        <translation>Mở khóa mã PIN người dùng của %1 bằng mã PIN quản trị (SO)?</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>No reader found. Plug in a token.</source>
        <translation>Không tìm thấy đầu đọc. Hãy cắm thiết bị ký số.</translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation>Chọn một thiết bị để xem chi tiết.</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Đầu đọc</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Nhà sản xuất</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Số sê-ri</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation>Cách nhập mã PIN</translation>
    </message>
    <message>
        <source>on the reader&apos;s keypad</source>
        <translation>trên bàn phím của đầu đọc</translation>
    </message>
    <message>
        <source>on the keyboard</source>
        <translation>trên bàn phím máy tính</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Đổi mã PIN…</translation>
    </message>
    <message>
        <source>Unblock with SO PIN…</source>
        <translation>Mở khóa bằng mã PIN quản trị…</translation>
    </message>
    <message>
        <source>Initialise…</source>
        <translation>Khởi tạo…</translation>
    </message>
    <message>
        <source>Generate key…</source>
        <translation>Sinh khóa…</translation>
    </message>
    <message>
        <source>Certificate request…</source>
        <translation>Yêu cầu cấp chứng thư…</translation>
    </message>
    <message>
        <source>Import certificate…</source>
        <translation>Nhập chứng thư số…</translation>
    </message>
    <message>
        <source>Self-test…</source>
        <translation>Tự kiểm tra…</translation>
    </message>
    <message>
        <source>Certificates on the token</source>
        <translation>Chứng thư số trên token</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Không có.</translation>
    </message>
    <message>
        <source>certificate authority</source>
        <translation>tổ chức cấp chứng thư</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Cấp bởi: %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>đã hết hạn ngày %1</translation>
    </message>
    <message numerus="yes">
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>còn hạn đến %1 (còn %n ngày)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kyso::ui::TransitionDialog</name>
    <message>
        <source>Change state</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>%1, now “%2”</source>
        <translation>%1, hiện là “%2”</translation>
    </message>
    <message>
        <source>e.g. 286/SYT-VP</source>
        <translation>ví dụ 286/SYT-VP</translation>
    </message>
    <message>
        <source>New state</source>
        <translation>Trạng thái mới</translation>
    </message>
    <message>
        <source>Request document number</source>
        <translation>Số văn bản đề nghị</translation>
    </message>
    <message>
        <source>Request document date</source>
        <translation>Ngày văn bản đề nghị</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>(choose the person)</source>
        <translation>(chọn người nhận)</translation>
    </message>
    <message>
        <source>The token has been wiped</source>
        <translation>Token đã được xóa sạch</translation>
    </message>
    <message>
        <source>Receiving person</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>No change of state is allowed from here.</source>
        <translation>Từ trạng thái này không được phép đổi sang trạng thái nào.</translation>
    </message>
    <message>
        <source>the request document&apos;s number and date</source>
        <translation>số và ngày của văn bản đề nghị</translation>
    </message>
    <message>
        <source>the request document&apos;s number and date, or a revocation confirmed online</source>
        <translation>số và ngày của văn bản đề nghị, hoặc kết quả thu hồi đã xác nhận trực tuyến</translation>
    </message>
    <message>
        <source>the person who receives the token</source>
        <translation>người nhận token</translation>
    </message>
    <message>
        <source>that the token has been wiped</source>
        <translation>token đã được xóa sạch</translation>
    </message>
    <message>
        <source>a note on what happened</source>
        <translation>ghi chú về việc đã xảy ra</translation>
    </message>
    <message>
        <source>This change needs nothing more.</source>
        <translation>Lần đổi này không cần thêm gì.</translation>
    </message>
    <message>
        <source>This change needs: %1.</source>
        <translation>Lần đổi này cần: %1.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::UnitDialog</name>
    <message>
        <source>Add a unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>Edit a unit</source>
        <translation>Sửa thông tin đơn vị</translation>
    </message>
    <message>
        <source>e.g. Trung tâm Y tế huyện Phú Vang</source>
        <translation>ví dụ Trung tâm Y tế huyện Phú Vang</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Department (phòng chức năng)</source>
        <translation>Phòng chức năng</translation>
    </message>
    <message>
        <source>Office (văn phòng)</source>
        <translation>Văn phòng</translation>
    </message>
    <message>
        <source>Attached unit (đơn vị trực thuộc)</source>
        <translation>Đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>District health centre (TTYT huyện)</source>
        <translation>Trung tâm Y tế huyện</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(chưa cử)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Unit above</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Focal person for cyber security</source>
        <translation>Đầu mối an toàn thông tin mạng</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Con dấu</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s seal</source>
        <translation>Chọn ảnh con dấu của đơn vị</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>kept in the register</source>
        <translation>đã lưu trong sổ quản lý</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerificationWindow</name>
    <message>
        <source>kyso: a site asked to verify %1</source>
        <translation>kyso: một trang web yêu cầu kiểm tra %1</translation>
    </message>
    <message>
        <source>Asked by %1 for %2</source>
        <translation>Yêu cầu từ %1 cho %2</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerifyModel</name>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>KHÔNG hợp lệ</translation>
    </message>
    <message>
        <source>Cannot be confirmed</source>
        <translation>Chưa xác nhận được</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Chưa ký</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <source>The file could not be read as a PDF.</source>
        <translation>Không đọc được tệp dưới dạng PDF.</translation>
    </message>
    <message>
        <source>The document has no signature.</source>
        <translation>Văn bản không có chữ ký.</translation>
    </message>
    <message numerus="yes">
        <source>%n signatures. </source>
        <translation>
            <numerusform>%n chữ ký. </numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerifyTab</name>
    <message>
        <source>Choose documents to verify</source>
        <translation>Chọn văn bản cần kiểm tra</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>Tệp XML (*.xml)</translation>
    </message>
    <message>
        <source>Signed documents (*.pdf *.xml)</source>
        <translation>Văn bản đã ký (*.pdf *.xml)</translation>
    </message>
    <message>
        <source>Choose a folder to verify</source>
        <translation>Chọn thư mục cần kiểm tra</translation>
    </message>
    <message>
        <source>The trust settings cannot be used: %1</source>
        <translation>Không dùng được cài đặt tin cậy: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Báo cáo HTML (*.html)</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>Báo cáo PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>Chưa lưu được báo cáo: %1</translation>
    </message>
    <message>
        <source>Drop signed PDF documents or folders here, or press Add.</source>
        <translation>Thả văn bản PDF đã ký hoặc thư mục vào đây, hoặc bấm Thêm.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Lưu báo cáo…</translation>
    </message>
    <message>
        <source>Show what looks different…</source>
        <translation>Xem chỗ trông khác…</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VisualDiffDialog</name>
    <message>
        <source>What looks different from what was signed</source>
        <translation>Những chỗ trông khác với bản đã ký</translation>
    </message>
    <message>
        <source>Signature #%1: %2</source>
        <translation>Chữ ký #%1: %2</translation>
    </message>
    <message>
        <source>As signed</source>
        <translation>Bản đã ký</translation>
    </message>
    <message>
        <source>As it is now</source>
        <translation>Bản hiện tại</translation>
    </message>
    <message>
        <source>The pages cannot be shown: %1</source>
        <translation>Không hiển thị được các trang: %1</translation>
    </message>
    <message>
        <source>The document as signed has no page %1.</source>
        <translation>Bản đã ký không có trang %1.</translation>
    </message>
    <message>
        <source>The document now has no page %1.</source>
        <translation>Bản hiện tại không có trang %1.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::WarningsDialog</name>
    <message>
        <source>What needs attention</source>
        <translation>Những việc cần xử lý</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>What it is, what to do</source>
        <translation>Nội dung, việc cần làm</translation>
    </message>
</context>
</TS>
