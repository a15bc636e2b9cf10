// Detail: why, beyond what the code says, in a form the edge can say in each language. A lower
// layer that knows more than its Errc ("which modules were searched", "which column is unknown")
// sets a Detail and puts the values the sentence needs (names, numbers, files: never words) in
// Error::context, separated by kDetailSep (detailArgs). describe() says the Detail's sentence in
// the person's language; technical() logs it in English. Detail::Technical marks a context that
// helps only a developer ("page tree has a loop"): people do not read it, logs and --verbose do;
// Detail::TechnicalIn the same after a first value people do read (the file). Every value has an
// English and a Vietnamese sentence in detail_text.cpp; a test walks the whole enum.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace kyso {

enum class Detail : std::uint16_t {
  None = 0,     // the context is a name or a file, shown as it is
  Technical,    // for logs only
  TechnicalIn,  // {1} the file, shown; the rest for logs only
  // Tokens and drivers
  ModulesSearched,      // {1} the modules
  TokenNotInModules,    // {1} the token asked for, {2} the modules
  NoModuleInstalled,    //
  ChooseOneToken,       // {1} the tokens found
  DriverNotInstalled,   // {1} the driver's name, {2} its file
  NotALibrary,          // {1} the file
  OtherArchitecture,    // {1} the file
  NotAPkcs11Uri,        //
  BadUriEscape,         //
  PinInUri,             //
  KeyTypeUnsupported,   //
  SubjectSyntax,        //
  UnknownSubjectField,  // {1} the field
  RsaBits,              //
  EcCurve,              //
  NoCertificateInFile,  //
  CertificateFileSize,  //
  CertificateOnToken,   //
  KeyWithoutId,         //
  NoMatchingKey,        //
  // Appearance and letters
  TemplateForKind,     // {1} the template's kind, {2} the signature's
  UnknownFontStyle,    // {1} the style
  NoFontOutlines,      // {1} the font file
  TextTooLarge,        // {1} the text, {2} the smallest size in pt, {3} width, {4} height in mm
  BlankTooNarrow,      // {1} the blank (number/day/month/year), {2} its width in mm, {3} the text
  NoBlankAfter,        // {1} the printed word, {2} the line, {3} the page
  NumberHasSymbol,     // {1} the symbol printed after the blank, {2} --doc-number
  NoDateLine,          // {1} the page
  NoNumberLine,        // {1} the printed word, {2} the page
  NumberAlreadyThere,  // {1} the number printed, {2} --doc-number
  RectangleOutside,    // {1} the rectangle, {2} the page's box
  NoSignerName,        //
  NameTooClose,        // {1} the title, {2} the name
  NotAnImage,          // {1} the file (may be empty)
  InvalidUtf8At,       // {1} the byte offset
  // The register
  OptionRequired,       // {1} the option
  OwnParentUnit,        //
  SeveralPeopleNamed,   // {1} the name
  PersonExists,         // {1} the person, {2} the unit
  UsePgDump,            //
  UsePgRestore,         //
  NotAnInventory,       // {1} the file
  NotSqlite,            //
  TokenAlreadyWith,     // {1} the holder
  NegativeDays,         //
  UnknownState,         // {1} the state, {2} the states
  BadDate,              // {1} what was given
  NotInThatUnit,        // {1} the person
  SerialAndMaker,       //
  ChangedMeanwhile,     // {1} the record
  HandOverInstead,      //
  SeveralCertificates,  // {1} what was given
  CertFieldsRequired,   //
  BadValidityDates,     //
  CertKind,             //
  TransitionOnlyTo,     // {1} from, {2} to, {3} the states allowed from {1} (may be empty)
  NotExpiredYet,        //
  AuditLogEmpty,        //
  CsvUnknownColumn,     // {1} the column, {2} the columns, {3} their Vietnamese headers
  CsvColumnTwice,       // {1} the column
  CsvMissingColumn,     // {1} the column, {2} the columns, {3} their Vietnamese headers
  CsvEmpty,             //
  CsvUtf16,             //
  CsvBinary,            //
  CsvBadUtf8AfterBom,   //
  CsvBadEncodingAt,     // {1} the byte offset
  CsvOpenQuote,         // {1} the line
  // Signing and files
  ExtendLevel,           //
  BltaNeedsTsa,          //
  BtNeedsTsa,            //
  BltNeedsRevocation,    //
  SubFilterChoice,       //
  CertifyChoice,         //
  TooManyFiles,          // {1} the folder
  ChangedWhileRead,      // {1} the file
  ChangedSinceChecked,   // {1} the file
  EncryptedPdf,          // {1} the file
  EmptyFile,             // {1} the file
  NotARegularFile,       // {1} the file
  AlreadyHasSignatures,  //
  FieldAlreadySigned,    // {1} the field
  // XML
  NotAnXPath,           // {1} the expression
  NotOneElement,        // {1} the expression
  NoInvoiceElement,     //
  InvoiceWithoutId,     //
  NoSuchElement,        // {1} the element
  NoElementWithId,      // {1} the Id
  IdInDocument,         // {1} the Id
  NoXmlSignature,       //
  LargerThanMiB,        // {1} the limit
  KeyDoesNotMatchCert,  //
  // Service and network
  MessageTooLarge,      //
  NoFileChosen,         //
  AnswerNotJson,        //
  BatchLargerThanMiB,   // {1} the limit
  OfflineNotFetched,    // {1} the address
  RedirectNotFollowed,  // {1} the address, {2} the HTTP status
  Count_
};

/// Separates the values of a Detail in Error::context.
inline constexpr char kDetailSep = '\x1e';

/// The values of a Detail, in order, as Error::context carries them.
inline std::string detailArgs(std::initializer_list<std::string_view> args) {
  std::string out;
  bool first = true;
  for (auto a : args) {
    if (!first) out += kDetailSep;
    out += a;
    first = false;
  }
  return out;
}

}  // namespace kyso
