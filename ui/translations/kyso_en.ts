<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>kyso::ui::InventoryTab</name>
    <message>
        <source>The inventory is not available in this build: the register (kyso_inventory) was not built.</source>
        <translation>The inventory is not available in this build: the register (kyso_inventory) was not built.</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>Reading the register…</translation>
    </message>
    <message>
        <source>The register cannot be read: %1</source>
        <translation>The register cannot be read: %1</translation>
    </message>
    <message>
        <source>%1 — %2 tokens, %3 certificates, %4 expiring within 60 days, %5 warnings.</source>
        <translation>%1 — %2 tokens, %3 certificates, %4 expiring within 60 days, %5 warnings.</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificate %1</translation>
    </message>
    <message>
        <source>The change was not recorded: %1</source>
        <translation>The change was not recorded: %1</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Change state…</source>
        <translation>Change state…</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>Focal person</source>
        <translation>Focal person</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
</context>
<context>
    <name>kyso::ui::MainWindow</name>
    <message>
        <source>Token: %1 — %2</source>
        <translation>Token: %1 — %2</translation>
    </message>
    <message>
        <source>No token plugged in</source>
        <translation>No token plugged in</translation>
    </message>
    <message>
        <source>kyso — digital signatures</source>
        <translation>kyso — digital signatures</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Changing the PIN of %1</source>
        <translation>Changing the PIN of %1</translation>
    </message>
    <message>
        <source>Unblocking the PIN of %1</source>
        <translation>Unblocking the PIN of %1</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: done.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
</context>
<context>
    <name>kyso::ui::PinDialog</name>
    <message>
        <source>Security officer PIN</source>
        <translation>Security officer PIN</translation>
    </message>
    <message>
        <source>Enter the security officer (SO) PIN of %1.</source>
        <translation>Enter the security officer (SO) PIN of %1.</translation>
    </message>
    <message>
        <source>PIN for this signature</source>
        <translation>PIN for this signature</translation>
    </message>
    <message>
        <source>The key on %1 asks for the PIN again before each signature.</source>
        <translation>The key on %1 asks for the PIN again before each signature.</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>Token PIN</translation>
    </message>
    <message>
        <source>Enter the PIN of %1.</source>
        <translation>Enter the PIN of %1.</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader's keypad for %1, then press Continue.</source>
        <translation>Enter the PIN on the reader's keypad for %1, then press Continue.</translation>
    </message>
    <message>
        <source>Locked: request restoration of this token.</source>
        <translation>Locked: request restoration of this token.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation><numerusform>%n try left</numerusform><numerusform>%n tries left</numerusform></translation>
    </message>
    <message>
        <source>A wrong PIN was entered recently: few tries are left.</source>
        <translation>A wrong PIN was entered recently: few tries are left.</translation>
    </message>
    <message>
        <source>This token does not say how many tries are left.</source>
        <translation>This token does not say how many tries are left.</translation>
    </message>
    <message>
        <source>This is the final try: one more wrong PIN locks the token, and unlocking it takes a restoration request.</source>
        <translation>This is the final try: one more wrong PIN locks the token, and unlocking it takes a restoration request.</translation>
    </message>
    <message>
        <source>I understand that a wrong PIN now locks the token</source>
        <translation>I understand that a wrong PIN now locks the token</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Choose the new PIN of %1 and type it twice.</source>
        <translation>Choose the new PIN of %1 and type it twice.</translation>
    </message>
    <message>
        <source>New security officer PIN</source>
        <translation>New security officer PIN</translation>
    </message>
    <message>
        <source>Choose the new security officer (SO) PIN of %1 and type it twice.</source>
        <translation>Choose the new security officer (SO) PIN of %1 and type it twice.</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>The same PIN again</translation>
    </message>
</context>
<context>
    <name>kyso::ui::SettingsDialog</name>
    <message>
        <source>Choose a PKCS#11 module</source>
        <translation>Choose a PKCS#11 module</translation>
    </message>
    <message>
        <source>Libraries (*.so *.so.*)</source>
        <translation>Libraries (*.so *.so.*)</translation>
    </message>
    <message>
        <source>Choose a trust anchor</source>
        <translation>Choose a trust anchor</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Choose the inventory database</source>
        <translation>Choose the inventory database</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite databases (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>PKCS#11 modules (token drivers)</source>
        <translation>PKCS#11 modules (token drivers)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Time-stamping authority (TSA) URL</source>
        <translation>Time-stamping authority (TSA) URL</translation>
    </message>
    <message>
        <source>http://…</source>
        <translation>http://…</translation>
    </message>
    <message>
        <source>Trusted certificate authorities</source>
        <translation>Trusted certificate authorities</translation>
    </message>
    <message>
        <source>Government specialised PKI (Ban Cơ yếu Chính phủ)</source>
        <translation>Government specialised PKI (Ban Cơ yếu Chính phủ)</translation>
    </message>
    <message>
        <source>Public CAs under the Vietnam National Root CA</source>
        <translation>Public CAs under the Vietnam National Root CA</translation>
    </message>
    <message>
        <source>Add anchor…</source>
        <translation>Add anchor…</translation>
    </message>
    <message>
        <source>Inventory database</source>
        <translation>Inventory database</translation>
    </message>
    <message>
        <source>SQLite file or postgresql://…</source>
        <translation>SQLite file or postgresql://…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>kyso::ui::SignTab</name>
    <message>
        <source>Signing from this window is not available in this version: use the kyso command line to sign. You can preview files and place the signature here.</source>
        <translation>Signing from this window is not available in this version: use the kyso command line to sign. You can preview files and place the signature here.</translation>
    </message>
    <message>
        <source>Choose files to sign</source>
        <translation>Choose files to sign</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Qt PDF cannot show this file.</source>
        <translation>Qt PDF cannot show this file.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Approved (personal signature)</source>
        <translation>Approved (personal signature)</translation>
    </message>
    <message>
        <source>Issued (organisation seal)</source>
        <translation>Issued (organisation seal)</translation>
    </message>
    <message>
        <source>Copy (sao y)</source>
        <translation>Copy (sao y)</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Incoming document</source>
        <translation>Incoming document</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Invisible</translation>
    </message>
    <message>
        <source>No certificate: plug in a token</source>
        <translation>No certificate: plug in a token</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Drop PDF documents or other files here</source>
        <translation>Drop PDF documents or other files here</translation>
    </message>
    <message>
        <source>Drop files on the list or press Open.</source>
        <translation>Drop files on the list or press Open.</translation>
    </message>
    <message>
        <source>Draw the rectangle where the signature goes.</source>
        <translation>Draw the rectangle where the signature goes.</translation>
    </message>
    <message>
        <source>Signature on page %1 at (%2, %3)–(%4, %5) pt.</source>
        <translation>Signature on page %1 at (%2, %3)–(%4, %5) pt.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokenListModel</name>
    <message>
        <source>(no token)</source>
        <translation>(no token)</translation>
    </message>
    <message>
        <source>Unnamed token</source>
        <translation>Unnamed token</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (serial %2)</translation>
    </message>
    <message>
        <source>Locked: request restoration</source>
        <translation>Locked: request restoration</translation>
    </message>
    <message>
        <source>Final try: one wrong PIN locks it</source>
        <translation>Final try: one wrong PIN locks it</translation>
    </message>
    <message>
        <source>The PIN must be changed</source>
        <translation>The PIN must be changed</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation><numerusform>%n try left</numerusform><numerusform>%n tries left</numerusform></translation>
    </message>
    <message>
        <source>A wrong PIN was entered</source>
        <translation>A wrong PIN was entered</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>(empty reader)</source>
        <translation>(empty reader)</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>First expiry</source>
        <translation>First expiry</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokensTab</name>
    <message>
        <source>Token access is not available in this build: the token layer (kyso_pkcs11) was not built.</source>
        <translation>Token access is not available in this build: the token layer (kyso_pkcs11) was not built.</translation>
    </message>
    <message>
        <source>Change the PIN of %1?</source>
        <translation>Change the PIN of %1?</translation>
    </message>
    <message>
        <source>Unblock the user PIN of %1 with the security officer (SO) PIN?</source>
        <translation>Unblock the user PIN of %1 with the security officer (SO) PIN?</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>No reader found. Plug in a token.</source>
        <translation>No reader found. Plug in a token.</translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation>Select a token to see its details.</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation>PIN entry</translation>
    </message>
    <message>
        <source>on the reader's keypad</source>
        <translation>on the reader's keypad</translation>
    </message>
    <message>
        <source>on the keyboard</source>
        <translation>on the keyboard</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Change PIN…</translation>
    </message>
    <message>
        <source>Unblock with SO PIN…</source>
        <translation>Unblock with SO PIN…</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TransitionDialog</name>
    <message>
        <source>Change state</source>
        <translation>Change state</translation>
    </message>
    <message>
        <source>%1, now “%2”</source>
        <translation>%1, now “%2”</translation>
    </message>
    <message>
        <source>e.g. 286/SYT-VP</source>
        <translation>e.g. 286/SYT-VP</translation>
    </message>
    <message>
        <source>New state</source>
        <translation>New state</translation>
    </message>
    <message>
        <source>Request document number</source>
        <translation>Request document number</translation>
    </message>
    <message>
        <source>Request document date</source>
        <translation>Request document date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerifyModel</name>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>NOT valid</translation>
    </message>
    <message>
        <source>Cannot be confirmed</source>
        <translation>Cannot be confirmed</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Cannot be read</translation>
    </message>
    <message>
        <source>The file could not be read as a PDF.</source>
        <translation>The file could not be read as a PDF.</translation>
    </message>
    <message>
        <source>The document has no signature.</source>
        <translation>The document has no signature.</translation>
    </message>
    <message numerus="yes">
        <source>%n signatures. </source>
        <translation><numerusform>%n signature. </numerusform><numerusform>%n signatures. </numerusform></translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerifyTab</name>
    <message>
        <source>Verification is not available in this build: the PDF verifier (kyso_pdfverify) was not built.</source>
        <translation>Verification is not available in this build: the PDF verifier (kyso_pdfverify) was not built.</translation>
    </message>
    <message>
        <source>The CMS layer is not in this build: signatures are checked for structure and changes only, and are never reported as valid.</source>
        <translation>The CMS layer is not in this build: signatures are checked for structure and changes only, and are never reported as valid.</translation>
    </message>
    <message>
        <source>Choose documents to verify</source>
        <translation>Choose documents to verify</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a folder to verify</source>
        <translation>Choose a folder to verify</translation>
    </message>
    <message>
        <source>The trust settings cannot be used: %1</source>
        <translation>The trust settings cannot be used: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML report (*.html)</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>The report was not saved: %1</translation>
    </message>
    <message>
        <source>Drop signed PDF documents or folders here, or press Add.</source>
        <translation>Drop signed PDF documents or folders here, or press Add.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
</context>
</TS>