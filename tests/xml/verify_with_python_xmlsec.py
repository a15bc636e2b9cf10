#!/usr/bin/env python3
"""An independent verifier for kyso's XML output: Python's xmlsec binding (python3-xmlsec, on
libxmlsec1 through lxml). Verifies every ds:Signature of FILE against the trusted ROOT, with the
intermediates in CHAIN as untrusted certificates. Exit 0 when all verify, 1 otherwise, 2 when
the binding is missing. Usage: verify_with_python_xmlsec.py FILE ROOT.pem CHAIN.pem"""
import sys

try:
    import xmlsec
    from lxml import etree
except ImportError as e:
    print(f"python3-xmlsec missing: {e}")
    sys.exit(2)

DSIG = "{http://www.w3.org/2000/09/xmldsig#}Signature"


def main(path, root, chain):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    doc = etree.parse(path, parser)
    xmlsec.tree.add_ids(doc.getroot(), ["Id", "ID"])
    signatures = list(doc.getroot().iter(DSIG))
    if not signatures:
        print("no signature")
        return 1
    for sig in signatures:
        manager = xmlsec.KeysManager()
        manager.load_cert(root, xmlsec.constants.KeyDataFormatPem, xmlsec.constants.KeyDataTypeTrusted)
        manager.load_cert(chain, xmlsec.constants.KeyDataFormatPem, xmlsec.constants.KeyDataTypeTrusted)
        ctx = xmlsec.SignatureContext(manager)
        try:
            ctx.verify(sig)
        except xmlsec.Error as e:
            print(f"{path}: signature does not verify: {e}")
            return 1
    print(f"{path}: {len(signatures)} signature(s) verify")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
