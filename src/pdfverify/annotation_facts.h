// What the change analysis (changes.cpp) needs to know about one annotation: whether its flags
// hide it, whether it draws anything, where it is on its page, and which annotation an appearance
// stream or other part belongs to.
#pragma once

#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "src/pdfverify/model.h"
#include "src/pdfverify/revision.h"
#include "src/pdfverify/roles.h"

namespace kyso::pdfverify {

/// Annotation flags (`/F`) that keep an annotation from being shown: Hidden (2), NoView (32).
bool hiddenFlags(QPDFObjectHandle f);

/// True when widget `w` draws something on its page: a rectangle with an area, not hidden, and a
/// normal appearance with content (an appearance that cannot be read counts as drawing).
bool visibleAppearance(QPDFObjectHandle w);

/// The /Rect of annotation `og` in `rev`, normalised, on the page its role in `roles` names;
/// false when it has no page or no readable rectangle.
bool annotationArea(OpenRevision& rev, const RoleMap& roles, QPDFObjGen og, PageArea& out);

/// The annotation or widget that part `og` (an appearance stream, an /A or /F value) belongs to,
/// found through the objects that referred to it in `roles`; 0 0 when none.
QPDFObjGen owningAnnotation(const RoleMap& roles, QPDFObjGen og);

}  // namespace kyso::pdfverify
