// The type-and-size note clerks write after a file's title, as the city's own site
// shows one (「報告書（PDF：1.2MB）」). kyodo computes that note from the file itself
// (links.h FileLabel), so a written one is taken off.
#ifndef KYODO_FILE_NOTE_H_
#define KYODO_FILE_NOTE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "error.h"

namespace kyodo {

/// The title of a file with the type-and-size note taken off its end, as clerks copy it
/// from the city's site (「報告書（PDF：1.2MB）」, 「名簿 [Excel 20KB]」, 「様式（Word形式）」 →
/// 報告書, 名簿, 様式); kyodo writes the note itself from the file (「報告書（PDF 127KB）」), and
/// the two would stand side by side, the written size often out of date. `note` gets what
/// was taken off; the title itself when it ends in no such note.
std::string TitleWithoutFileNote(const std::string& title, std::string* note);
/// The size a note gives, in bytes (「（PDF：1.2MB）」 → 1258291); nullopt when it gives none.
std::optional<uint64_t> NoteSize(const std::string& note);
/// Warns at `loc` when a body link's text ends in a note whose size is not the file's
/// (「[報告書（PDF：1.2MB）](../assets/houkoku.pdf)」 for a file of 1KB): the reader is
/// told a wrong size before downloading. `label` is kyodo's own (FileLabel). When
/// `labelled` (kyodo appends 「（label）」 to the link), any other written note is pointed
/// at too: 「募集要項（PDF）」 was published as 「募集要項（PDF）（PDF 1KB）」.
void CheckLinkFileNote(const std::string& text, uint64_t size, const std::string& label, const SourceLoc& loc,
                       Diagnostics* diags, bool labelled = false);

/// Takes the note off the title of a file in assets/ (TitleWithoutFileNote) with a warning at `loc`.
std::string DropWrittenFileNote(const std::string& title, const std::string& src, const SourceLoc& loc,
                                Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_FILE_NOTE_H_
