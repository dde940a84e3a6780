"""The embedded report as a custom XML part of a .docx package (customXml/itemN.xml + itemPropsN.xml)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.files.safe_zip import Package, xml_parser
from gkdesk.io.own.embedded import NAMESPACE, EmbeddedDataCorrupt, NoEmbeddedData, Payload

_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM = re.compile(r"^customXml/item\d+\.xml$")


def payload_xml(payload: Payload) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}report", nsmap={"gk": NAMESPACE})
    root.set("fileVersion", str(payload.file_version))
    root.set("sha256", payload.sha256)
    etree.SubElement(root, f"{{{NAMESPACE}}}json").text = payload.json_text
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _props_xml() -> bytes:
    root = etree.Element(f"{{{_DS}}}datastoreItem", nsmap={"ds": _DS})
    root.set(f"{{{_DS}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    refs = etree.SubElement(root, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef").set(f"{{{_DS}}}uri", NAMESPACE)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def embed_payload(document: Document, payload: Payload) -> None:
    """Add the payload to the document's package, related from the main document part as Word does."""
    package = document.part.package
    used = {str(part.partname) for part in package.iter_parts()}
    index = 1
    while f"/customXml/item{index}.xml" in used:
        index += 1
    item = Part(PackURI(f"/customXml/item{index}.xml"), "application/xml", payload_xml(payload), package)
    props = Part(PackURI(f"/customXml/itemProps{index}.xml"), _PROPS_CONTENT_TYPE, _props_xml(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _parse(blob: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(blob, xml_parser(huge_text=True))
    except etree.XMLSyntaxError:
        return None


def read_payload(package: Package) -> Payload:
    """The gkdesk payload of a .docx; NoEmbeddedData if there is none."""
    for name in package.names:
        if not _ITEM.match(name):
            continue
        root = _parse(package.part(name) or b"")
        if root is not None and root.tag == f"{{{NAMESPACE}}}report":
            return _payload_from(root, package.path)
    raise NoEmbeddedData(f"{package.path.name}：没有 gkdesk 内嵌的报告数据")


def _payload_from(root: etree._Element, path: Path) -> Payload:
    json_element = root.find(f"{{{NAMESPACE}}}json")
    version = root.get("fileVersion", "")
    if json_element is None or not version.isdigit():
        raise EmbeddedDataCorrupt(f"{path.name}：内嵌的报告数据不完整")
    return Payload(json_element.text or "", root.get("sha256", ""), int(version))
