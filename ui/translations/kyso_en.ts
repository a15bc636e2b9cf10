<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Pkcs11TokenSource</name>
    <message>
        <source>The token driver %1 cannot be loaded: %2</source>
        <translation>The token driver %1 cannot be loaded: %2</translation>
    </message>
    <message>
        <source>The token driver %1 does not list its readers: %2</source>
        <translation>The token driver %1 does not list its readers: %2</translation>
    </message>
</context>
<context>
    <name>QtServiceHost</name>
    <message>
        <source>Signing the documents the site sent…</source>
        <translation>Signing the documents the site sent…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>kyso: signing a batch</source>
        <translation>kyso: signing a batch</translation>
    </message>
    <message>
        <source>%1 of %2 signed</source>
        <translation>%1 of %2 signed</translation>
    </message>
    <message>
        <source>%1 of %2 documents signed and sent.</source>
        <translation>%1 of %2 documents signed and sent.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>kyso: %1 asks you to choose the file to sign</source>
        <translation>kyso: %1 asks you to choose the file to sign</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>PDF documents (*.pdf *.PDF)</translation>
    </message>
</context>
<context>
    <name>SignBatch</name>
    <message>
        <source>The signer&apos;s title and name were not found on the page: draw the rectangle in the preview.</source>
        <translation>The signer&apos;s title and name were not found on the page: draw the rectangle in the preview.</translation>
    </message>
    <message>
        <source>There is no approval signature to put the seal over: draw the rectangle in the preview.</source>
        <translation>There is no approval signature to put the seal over: draw the rectangle in the preview.</translation>
    </message>
    <message>
        <source>This kind needs an image (the handwriting or the seal): choose one, or record it in the inventory.</source>
        <translation>This kind needs an image (the handwriting or the seal): choose one, or record it in the inventory.</translation>
    </message>
    <message>
        <source>Fill in the document number.</source>
        <translation>Fill in the document number.</translation>
    </message>
    <message>
        <source>Fill in the arrival number.</source>
        <translation>Fill in the arrival number.</translation>
    </message>
    <message>
        <source>The certificate gives no signer name to print.</source>
        <translation>The certificate gives no signer name to print.</translation>
    </message>
    <message>
        <source>A detail of the document is missing (%1).</source>
        <translation>A detail of the document is missing (%1).</translation>
    </message>
    <message>
        <source>Draw the rectangle in the preview.</source>
        <translation>Draw the rectangle in the preview.</translation>
    </message>
    <message>
        <source>File %1: %2</source>
        <translation>File %1: %2</translation>
    </message>
    <message>
        <source>%1 was not signed: %2</source>
        <translation>%1 was not signed: %2</translation>
    </message>
</context>
<context>
    <name>SigningCert</name>
    <message>
        <source>%1 — token %2</source>
        <translation>%1 — token %2</translation>
    </message>
    <message>
        <source>%1 — token %2 (valid until %3)</source>
        <translation>%1 — token %2 (valid until %3)</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (until %2)</translation>
    </message>
</context>
<context>
    <name>SigningCerts</name>
    <message>
        <source>The certificates on %1 cannot be read: %2</source>
        <translation>The certificates on %1 cannot be read: %2</translation>
    </message>
</context>
<context>
    <name>TokenManagement</name>
    <message>
        <source>The token was initialised with the label &quot;%1&quot;.</source>
        <translation>The token was initialised with the label &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Generated %1, ID %2, label &quot;%3&quot;.</source>
        <translation>Generated %1, ID %2, label &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The certificate request was saved to %1.</source>
        <translation>The certificate request was saved to %1.</translation>
    </message>
    <message>
        <source>The certificate was stored with the key ID %1 (CA certificates stored with it: %2).</source>
        <translation>The certificate was stored with the key ID %1 (CA certificates stored with it: %2).</translation>
    </message>
    <message>
        <source>%1: signed and verified.</source>
        <translation>%1: signed and verified.</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
</context>
<context>
    <name>kyso::ui</name>
    <message>
        <source>No token is plugged in</source>
        <translation>No token is plugged in</translation>
    </message>
    <message>
        <source>Token plugged in: %1</source>
        <translation>Token plugged in: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>not done: %1</source>
        <translation>not done: %1</translation>
    </message>
    <message>
        <source>Last request: %1 from %2 at %3, %4</source>
        <translation>Last request: %1 from %2 at %3, %4</translation>
    </message>
    <message>
        <source>No request yet</source>
        <translation>No request yet</translation>
    </message>
</context>
<context>
    <name>kyso::ui::ApprovalDialog</name>
    <message>
        <source>sign a digest the site computed (SignMsg)</source>
        <translation>sign a digest the site computed (SignMsg)</translation>
    </message>
    <message>
        <source>see your certificate</source>
        <translation>see your certificate</translation>
    </message>
    <message>
        <source>sign a file (a separate .p7s signature)</source>
        <translation>sign a file (a separate .p7s signature)</translation>
    </message>
    <message>
        <source>sign a PDF (no visible signature)</source>
        <translation>sign a PDF (no visible signature)</translation>
    </message>
    <message>
        <source>approve a document (your signature)</source>
        <translation>approve a document (your signature)</translation>
    </message>
    <message>
        <source>issue a document (the seal, number and date)</source>
        <translation>issue a document (the seal, number and date)</translation>
    </message>
    <message>
        <source>stamp an incoming document</source>
        <translation>stamp an incoming document</translation>
    </message>
    <message>
        <source>certify a copy</source>
        <translation>certify a copy</translation>
    </message>
    <message>
        <source>sign an appendix</source>
        <translation>sign an appendix</translation>
    </message>
    <message>
        <source>kyso: a web page asks for a signature</source>
        <translation>kyso: a web page asks for a signature</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>Asks to:</source>
        <translation>Asks to:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Document:</translation>
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
        <translation>Number:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Digest:</translation>
    </message>
    <message>
        <source>Sent to:</source>
        <translation>Sent to:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Show the certificate</source>
        <translation>Show the certificate</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>No signing certificate: plug in your token.</source>
        <translation>No signing certificate: plug in your token.</translation>
    </message>
    <message>
        <source>kyso: a new site</source>
        <translation>kyso: a new site</translation>
    </message>
    <message>
        <source>The site %1 wants kyso to sign documents with your token.
Allow this site to ask for signatures?</source>
        <translation>The site %1 wants kyso to sign documents with your token.
Allow this site to ask for signatures?</translation>
    </message>
    <message numerus="yes">
        <source>sign %n document(s) at once (PDFs: no visible signature; other files: a separate .p7s)</source>
        <translation>
            <numerusform>sign %n document at once (a PDF: no visible signature; another file: a separate .p7s)</numerusform>
            <numerusform>sign %n documents at once (PDFs: no visible signature; other files: a separate .p7s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1 (%2)%3</translation>
    </message>
    <message>
        <source>, a separate .p7s</source>
        <translation>, a separate .p7s</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documents:</translation>
    </message>
    <message>
        <source>sign a health-insurance claim file (XML, the unit&apos;s signature)</source>
        <translation>sign a health-insurance claim file (XML, the unit&apos;s signature)</translation>
    </message>
    <message>
        <source>sign an e-invoice (XML, the seller&apos;s signature)</source>
        <translation>sign an e-invoice (XML, the seller&apos;s signature)</translation>
    </message>
    <message>
        <source>sign an XML document</source>
        <translation>sign an XML document</translation>
    </message>
    <message>
        <source>Root element:</source>
        <translation>Root element:</translation>
    </message>
    <message>
        <source>Signatures already in it:</source>
        <translation>Signatures already in it:</translation>
    </message>
    <message>
        <source>The site receives:</source>
        <translation>The site receives:</translation>
    </message>
    <message>
        <source>the signature alone, to place in the document itself</source>
        <translation>the signature alone, to place in the document itself</translation>
    </message>
    <message>
        <source>The signature&apos;s place could not be found: %1</source>
        <translation>The signature&apos;s place could not be found: %1</translation>
    </message>
    <message>
        <source>The signature goes in the marked place on page %1.</source>
        <translation>The signature goes in the marked place on page %1.</translation>
    </message>
    <message>
        <source>%1 (%2, chosen on this computer)</source>
        <translation>%1 (%2, chosen on this computer)</translation>
    </message>
</context>
<context>
    <name>kyso::ui::DemoSession</name>
    <message>
        <source>There is no demo in %1: run &quot;kyso demo&quot; first.</source>
        <translation>There is no demo in %1: run &quot;kyso demo&quot; first.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::InventoryTab</name>
    <message>
        <source>Reading the register…</source>
        <translation>Reading the register…</translation>
    </message>
    <message>
        <source>The register cannot be read: %1</source>
        <translation>The register cannot be read: %1</translation>
    </message>
    <message>
        <source>The audit log has never been sealed: seal it with your token (kyso inventory audit-seal).</source>
        <translation>The audit log has never been sealed: seal it with your token (kyso inventory audit-seal).</translation>
    </message>
    <message>
        <source>The audit log was last sealed on %1, more than a week ago: seal it with your token (kyso inventory audit-seal).</source>
        <translation>The audit log was last sealed on %1, more than a week ago: seal it with your token (kyso inventory audit-seal).</translation>
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
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation>CSV spreadsheets (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Reading the plugged tokens…</source>
        <translation>Reading the plugged tokens…</translation>
    </message>
    <message>
        <source>The tokens cannot be read: %1</source>
        <translation>The tokens cannot be read: %1</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>The sync failed: %1</translation>
    </message>
    <message>
        <source>Tokens seen: %1; new records: %2; differences: %3.</source>
        <translation>Tokens seen: %1; new records: %2; differences: %3.</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>The import failed: %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported: rows rejected: %1 of %2 (listed below).</source>
        <translation>Nothing was imported: rows rejected: %1 of %2 (listed below).</translation>
    </message>
    <message>
        <source>Tokens imported: %1.</source>
        <translation>Tokens imported: %1.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>The tokens were saved to %1.</source>
        <translation>The tokens were saved to %1.</translation>
    </message>
    <message>
        <source>The report failed: %1</source>
        <translation>The report failed: %1</translation>
    </message>
    <message>
        <source>The report per unit is shown below.</source>
        <translation>The report per unit is shown below.</translation>
    </message>
    <message>
        <source>The report per unit was saved to %1.</source>
        <translation>The report per unit was saved to %1.</translation>
    </message>
    <message>
        <source>Sync with plugged tokens</source>
        <translation>Sync with plugged tokens</translation>
    </message>
    <message>
        <source>No token layer in this build</source>
        <translation>No token layer in this build</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Report per unit…</source>
        <translation>Report per unit…</translation>
    </message>
    <message>
        <source>Signing service log…</source>
        <translation>Signing service log…</translation>
    </message>
    <message>
        <source>Every request web pages made to the signing service on this computer</source>
        <translation>Every request web pages made to the signing service on this computer</translation>
    </message>
    <message>
        <source>%1: hand over to another person</source>
        <translation>%1: hand over to another person</translation>
    </message>
    <message>
        <source>Units added: %1. People added: %2.</source>
        <translation>Units added: %1. People added: %2.</translation>
    </message>
    <message>
        <source>Add the missing units and people?</source>
        <translation>Add the missing units and people?</translation>
    </message>
    <message>
        <source>%1 of %2 rows name a unit or a person the inventory does not have (listed below). Add them to the inventory and import every row?</source>
        <translation>%1 of %2 rows name a unit or a person the inventory does not have (listed below). Add them to the inventory and import every row?</translation>
    </message>
    <message>
        <source>Add them and import</source>
        <translation>Add them and import</translation>
    </message>
    <message>
        <source>Warnings (%1)…</source>
        <translation>Warnings (%1)…</translation>
    </message>
    <message>
        <source>Add a unit…</source>
        <translation>Add a unit…</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Add a person…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved: %1 (%2).</source>
        <translation>Saved: %1 (%2).</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
    <message>
        <source>%1 — %2, %3, %4, %5.</source>
        <translation>%1 — %2, %3, %4, %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 60 days</source>
        <translation>
            <numerusform>%n expiring within 60 days</numerusform>
            <numerusform>%n expiring within 60 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message>
        <source>The token layer is not running.</source>
        <translation>The token layer is not running.</translation>
    </message>
    <message>
        <source>About kyso</source>
        <translation>About kyso</translation>
    </message>
    <message>
        <source>&lt;b&gt;kyso&lt;/b&gt; %1&lt;br&gt;Digital signatures for official documents: sign and verify PDF, XML and other files with your USB token.</source>
        <translation>&lt;b&gt;kyso&lt;/b&gt; %1&lt;br&gt;Digital signatures for official documents: sign and verify PDF, XML and other files with your USB token.</translation>
    </message>
    <message>
        <source>The command line does the same work: &lt;tt&gt;kyso --help&lt;/tt&gt;. The README (in /usr/share/doc/kyso when installed as a package) explains each task.&lt;br&gt;Qt %1</source>
        <translation>The command line does the same work: &lt;tt&gt;kyso --help&lt;/tt&gt;. The README (in /usr/share/doc/kyso when installed as a package) explains each task.&lt;br&gt;Qt %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About kyso…</source>
        <translation>&amp;About kyso…</translation>
    </message>
    <message>
        <source>The signing service cannot verify signatures: %1</source>
        <translation>The signing service cannot verify signatures: %1</translation>
    </message>
    <message>
        <source>Technical details in the log</source>
        <translation>Technical details in the log</translation>
    </message>
</context>
<context>
    <name>kyso::ui::PersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>Edit a person</source>
        <translation>Edit a person</translation>
    </message>
    <message>
        <source>full name with diacritics, e.g. Nguyễn Văn A</source>
        <translation>full name with diacritics, e.g. Nguyễn Văn A</translation>
    </message>
    <message>
        <source>Has left the unit on</source>
        <translation>Has left the unit on</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
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
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Handwriting</translation>
    </message>
    <message>
        <source>Choose the handwriting image</source>
        <translation>Choose the handwriting image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>kept in the register</source>
        <translation>kept in the register</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
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
        <source>Enter the PIN on the reader&apos;s keypad for %1, then press Continue.</source>
        <translation>Enter the PIN on the reader&apos;s keypad for %1, then press Continue.</translation>
    </message>
    <message>
        <source>Locked: request restoration of this token.</source>
        <translation>Locked: request restoration of this token.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>%n try left</numerusform>
            <numerusform>%n tries left</numerusform>
        </translation>
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
    <name>kyso::ui::ServiceLogDialog</name>
    <message>
        <source>kyso: what web pages asked the signing service</source>
        <translation>kyso: what web pages asked the signing service</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>The log could not be read: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>not done: %1</source>
        <translation>not done: %1</translation>
    </message>
    <message>
        <source>No web page has asked the signing service yet.</source>
        <translation>No web page has asked the signing service yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the log could not be read.</source>
        <translation>
            <numerusform>%n line of the log could not be read.</numerusform>
            <numerusform>%n lines of the log could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), newest first.</source>
        <translation>
            <numerusform>%n request, newest first.</numerusform>
            <numerusform>%n requests, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kyso::ui::ServiceRunner</name>
    <message>
        <source>The signing service runs at https://127.0.0.1:%1</source>
        <translation>The signing service runs at https://127.0.0.1:%1</translation>
    </message>
    <message>
        <source>The signing service is stopped</source>
        <translation>The signing service is stopped</translation>
    </message>
    <message>
        <source>Show kyso</source>
        <translation>Show kyso</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit kyso (the signing service stops)</source>
        <translation>Quit kyso (the signing service stops)</translation>
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
    <message>
        <source>Choose your handwritten signature</source>
        <translation>Choose your handwritten signature</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s seal</source>
        <translation>Choose the unit&apos;s seal</translation>
    </message>
    <message>
        <source>Signing service for web document systems</source>
        <translation>Signing service for web document systems</translation>
    </message>
    <message>
        <source>Sites served without asking:</source>
        <translation>Sites served without asking:</translation>
    </message>
    <message>
        <source>https://vanban.soyte.example.gov.vn (several: separated by spaces)</source>
        <translation>https://vanban.soyte.example.gov.vn (several: separated by spaces)</translation>
    </message>
    <message>
        <source>Handwritten signature:</source>
        <translation>Handwritten signature:</translation>
    </message>
    <message>
        <source>Unit&apos;s seal (issuing):</source>
        <translation>Unit&apos;s seal (issuing):</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>PNG or JPEG; empty: your name only</source>
        <translation>PNG or JPEG; empty: your name only</translation>
    </message>
    <message>
        <source>PNG or JPEG of the round seal</source>
        <translation>PNG or JPEG of the round seal</translation>
    </message>
    <message>
        <source>Choose a certificate revocation list</source>
        <translation>Choose a certificate revocation list</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl *.pem *.der)</source>
        <translation>Revocation lists (*.crl *.pem *.der)</translation>
    </message>
    <message>
        <source>Revocation lists (CRL) kept on this computer, used before the network:</source>
        <translation>Revocation lists (CRL) kept on this computer, used before the network:</translation>
    </message>
    <message>
        <source>Add CRL…</source>
        <translation>Add CRL…</translation>
    </message>
</context>
<context>
    <name>kyso::ui::SignTab</name>
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
        <source>Cancelled: the files already signed are kept.</source>
        <translation>Cancelled: the files already signed are kept.</translation>
    </message>
    <message>
        <source>Choose the handwritten signature or the seal</source>
        <translation>Choose the handwritten signature or the seal</translation>
    </message>
    <message>
        <source>Choose the folder for the signed files</source>
        <translation>Choose the folder for the signed files</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Stopping after the current file…</translation>
    </message>
    <message>
        <source>The level %1 needs a time-stamping server: set it in Settings, or choose B-B.</source>
        <translation>The level %1 needs a time-stamping server: set it in Settings, or choose B-B.</translation>
    </message>
    <message>
        <source>Sign documents that can change?</source>
        <translation>Sign documents that can change?</translation>
    </message>
    <message>
        <source>What these documents show can change after you sign them:
%1

Sign them anyway?</source>
        <translation>What these documents show can change after you sign them:
%1

Sign them anyway?</translation>
    </message>
    <message>
        <source>Sign anyway</source>
        <translation>Sign anyway</translation>
    </message>
    <message>
        <source>Replace signed files?</source>
        <translation>Replace signed files?</translation>
    </message>
    <message>
        <source>These files exist already:
%1

Replace them?</source>
        <translation>These files exist already:
%1

Replace them?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Keep them and skip those files</source>
        <translation>Keep them and skip those files</translation>
    </message>
    <message>
        <source>Skipped: the signed file exists</source>
        <translation>Skipped: the signed file exists</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Nothing to sign.</source>
        <translation>Nothing to sign.</translation>
    </message>
    <message>
        <source>Signed (%1): %2</source>
        <translation>Signed (%1): %2</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Not signed: %1</translation>
    </message>
    <message>
        <source>Not signed (the batch stopped)</source>
        <translation>Not signed (the batch stopped)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>From the inventory (the person&apos;s handwriting, the unit&apos;s seal)</source>
        <translation>From the inventory (the person&apos;s handwriting, the unit&apos;s seal)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Use the inventory&apos;s</source>
        <translation>Use the inventory&apos;s</translation>
    </message>
    <message>
        <source>Beside each original, as NAME-signed.pdf</source>
        <translation>Beside each original, as NAME-signed.pdf</translation>
    </message>
    <message>
        <source>Beside the originals</source>
        <translation>Beside the originals</translation>
    </message>
    <message>
        <source>This file gets a detached signature (.p7s) beside it.</source>
        <translation>This file gets a detached signature (.p7s) beside it.</translation>
    </message>
    <message>
        <source>This XML file gets an XML signature inside it, in a copy named NAME-signed.xml.</source>
        <translation>This XML file gets an XML signature inside it, in a copy named NAME-signed.xml.</translation>
    </message>
    <message>
        <source>An invisible signature: nothing is drawn on the page.</source>
        <translation>An invisible signature: nothing is drawn on the page.</translation>
    </message>
    <message>
        <source>Signing: %1 of %2 done; not signed: %3.</source>
        <translation>Signing: %1 of %2 done; not signed: %3.</translation>
    </message>
    <message>
        <source>Signed: %1; not signed: %2.</source>
        <translation>Signed: %1; not signed: %2.</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Arrival number</translation>
    </message>
    <message>
        <source>Copy form</source>
        <translation>Copy form</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>e.g. 125</source>
        <translation>e.g. 125</translation>
    </message>
    <message>
        <source>e.g. 286/SYT-VP</source>
        <translation>e.g. 286/SYT-VP</translation>
    </message>
    <message>
        <source>No automatic place: %1</source>
        <translation>No automatic place: %1</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>The date written into the letter&apos;s &quot;ngày ... tháng ... năm ...&quot; line</source>
        <translation>The date written into the letter&apos;s &quot;ngày ... tháng ... năm ...&quot; line</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>e.g. Phát hành</source>
        <translation>e.g. Phát hành</translation>
    </message>
    <message>
        <source>The reason for signing, kept in the signature</source>
        <translation>The reason for signing, kept in the signature</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>e.g. Huế</source>
        <translation>e.g. Huế</translation>
    </message>
    <message>
        <source>The place of signing, kept in the signature</source>
        <translation>The place of signing, kept in the signature</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>B-B: the signature alone; its time is the computer&apos;s.
B-T: with a timestamp from the time-stamping server set in Settings, which proves when it was signed.
B-LT: also keeps the certificates and revocation answers, so that it can still be checked after the certificate expires.
B-LTA: also a document timestamp, for records kept for many years.</source>
        <translation>B-B: the signature alone; its time is the computer&apos;s.
B-T: with a timestamp from the time-stamping server set in Settings, which proves when it was signed.
B-LT: also keeps the certificates and revocation answers, so that it can still be checked after the certificate expires.
B-LTA: also a document timestamp, for records kept for many years.</translation>
    </message>
    <message>
        <source>Signature on page %1: %2 × %3 mm, %4 mm from the left and %5 mm from the top.</source>
        <translation>Signature on page %1: %2 × %3 mm, %4 mm from the left and %5 mm from the top.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::TokenActionDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Certificate requests (*.pem *.csr)</source>
        <translation>Certificate requests (*.pem *.csr)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Initialise %1? This erases every key and certificate on the token; you then choose a new security officer (SO) PIN and the first user PIN.</source>
        <translation>Initialise %1? This erases every key and certificate on the token; you then choose a new security officer (SO) PIN and the first user PIN.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>New label</translation>
    </message>
    <message>
        <source>I understand that everything on this token is erased</source>
        <translation>I understand that everything on this token is erased</translation>
    </message>
    <message>
        <source>Initialise</source>
        <translation>Initialise</translation>
    </message>
    <message>
        <source>Generate a new signing key on %1?</source>
        <translation>Generate a new signing key on %1?</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Key type</translation>
    </message>
    <message>
        <source>Key ID (hex)</source>
        <translation>Key ID (hex)</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Key label</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Make a certificate request with a key on %1? The key signs the request.</source>
        <translation>Make a certificate request with a key on %1? The key signs the request.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Save the request as</source>
        <translation>Save the request as</translation>
    </message>
    <message>
        <source>Make the request</source>
        <translation>Make the request</translation>
    </message>
    <message>
        <source>Store a certificate on %1, beside its key? Other certificates in the file are stored as CA certificates.</source>
        <translation>Store a certificate on %1, beside its key? Other certificates in the file are stored as CA certificates.</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Test %1? Every signing key signs a test message and the signature is checked.</source>
        <translation>Test %1? Every signing key signs a test message and the signature is checked.</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Run the self-test</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <translation>
            <numerusform>%n try left</numerusform>
            <numerusform>%n tries left</numerusform>
        </translation>
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
        <source>on the reader&apos;s keypad</source>
        <translation>on the reader&apos;s keypad</translation>
    </message>
    <message>
        <source>on the keyboard</source>
        <translation>on the keyboard</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Change PIN…</translation>
    </message>
    <message>
        <source>Unblock with SO PIN…</source>
        <translation>Unblock with SO PIN…</translation>
    </message>
    <message>
        <source>Initialise…</source>
        <translation>Initialise…</translation>
    </message>
    <message>
        <source>Generate key…</source>
        <translation>Generate key…</translation>
    </message>
    <message>
        <source>Certificate request…</source>
        <translation>Certificate request…</translation>
    </message>
    <message>
        <source>Import certificate…</source>
        <translation>Import certificate…</translation>
    </message>
    <message>
        <source>Self-test…</source>
        <translation>Self-test…</translation>
    </message>
    <message>
        <source>Certificates on the token</source>
        <translation>Certificates on the token</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>certificate authority</source>
        <translation>certificate authority</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>expired %1</translation>
    </message>
    <message numerus="yes">
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>valid until %1 (%n day left)</numerusform>
            <numerusform>valid until %1 (%n days left)</numerusform>
        </translation>
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
    <message>
        <source>(choose the person)</source>
        <translation>(choose the person)</translation>
    </message>
    <message>
        <source>The token has been wiped</source>
        <translation>The token has been wiped</translation>
    </message>
    <message>
        <source>Receiving person</source>
        <translation>Receiving person</translation>
    </message>
    <message>
        <source>No change of state is allowed from here.</source>
        <translation>No change of state is allowed from here.</translation>
    </message>
    <message>
        <source>the request document&apos;s number and date</source>
        <translation>the request document&apos;s number and date</translation>
    </message>
    <message>
        <source>the request document&apos;s number and date, or a revocation confirmed online</source>
        <translation>the request document&apos;s number and date, or a revocation confirmed online</translation>
    </message>
    <message>
        <source>the person who receives the token</source>
        <translation>the person who receives the token</translation>
    </message>
    <message>
        <source>that the token has been wiped</source>
        <translation>that the token has been wiped</translation>
    </message>
    <message>
        <source>a note on what happened</source>
        <translation>a note on what happened</translation>
    </message>
    <message>
        <source>This change needs nothing more.</source>
        <translation>This change needs nothing more.</translation>
    </message>
    <message>
        <source>This change needs: %1.</source>
        <translation>This change needs: %1.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::UnitDialog</name>
    <message>
        <source>Add a unit</source>
        <translation>Add a unit</translation>
    </message>
    <message>
        <source>Edit a unit</source>
        <translation>Edit a unit</translation>
    </message>
    <message>
        <source>e.g. Trung tâm Y tế huyện Phú Vang</source>
        <translation>e.g. Trung tâm Y tế huyện Phú Vang</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Department (phòng chức năng)</source>
        <translation>Department (phòng chức năng)</translation>
    </message>
    <message>
        <source>Office (văn phòng)</source>
        <translation>Office (văn phòng)</translation>
    </message>
    <message>
        <source>Attached unit (đơn vị trực thuộc)</source>
        <translation>Attached unit (đơn vị trực thuộc)</translation>
    </message>
    <message>
        <source>District health centre (TTYT huyện)</source>
        <translation>District health centre (TTYT huyện)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
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
        <source>Unit above</source>
        <translation>Unit above</translation>
    </message>
    <message>
        <source>Focal person for cyber security</source>
        <translation>Focal person for cyber security</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s seal</source>
        <translation>Choose the unit&apos;s seal</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>kept in the register</source>
        <translation>kept in the register</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VerificationWindow</name>
    <message>
        <source>kyso: a site asked to verify %1</source>
        <translation>kyso: a site asked to verify %1</translation>
    </message>
    <message>
        <source>Asked by %1 for %2</source>
        <translation>Asked by %1 for %2</translation>
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
        <translation>
            <numerusform>%n signature. </numerusform>
            <numerusform>%n signatures. </numerusform>
        </translation>
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
        <source>Choose documents to verify</source>
        <translation>Choose documents to verify</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>XML files (*.xml)</translation>
    </message>
    <message>
        <source>Signed documents (*.pdf *.xml)</source>
        <translation>Signed documents (*.pdf *.xml)</translation>
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
    <message>
        <source>Show what looks different…</source>
        <translation>Show what looks different…</translation>
    </message>
</context>
<context>
    <name>kyso::ui::VisualDiffDialog</name>
    <message>
        <source>What looks different from what was signed</source>
        <translation>What looks different from what was signed</translation>
    </message>
    <message>
        <source>Signature #%1: %2</source>
        <translation>Signature #%1: %2</translation>
    </message>
    <message>
        <source>As signed</source>
        <translation>As signed</translation>
    </message>
    <message>
        <source>As it is now</source>
        <translation>As it is now</translation>
    </message>
    <message>
        <source>The pages cannot be shown: %1</source>
        <translation>The pages cannot be shown: %1</translation>
    </message>
    <message>
        <source>The document as signed has no page %1.</source>
        <translation>The document as signed has no page %1.</translation>
    </message>
    <message>
        <source>The document now has no page %1.</source>
        <translation>The document now has no page %1.</translation>
    </message>
</context>
<context>
    <name>kyso::ui::WarningsDialog</name>
    <message>
        <source>What needs attention</source>
        <translation>What needs attention</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>What it is, what to do</source>
        <translation>What it is, what to do</translation>
    </message>
</context>
</TS>
