"""The words of IKU regulations the drafter reads by: what starts a cell, a unit, a source.

These are the vocabulary of any Indonesian IKU lampiran (the offices, the data sources,
the way an indicator or a RUMUS opens), never the rows of one regulation.
"""

from __future__ import annotations

import re

from ..units import SATUAN


def _set(text: str, *, fold: bool = True) -> frozenset[str]:
    """A word set from a space-separated list (casefolded unless ``fold`` is False)."""
    return frozenset(text.casefold().split() if fold else text.split())


__all__ = [
    "BARE_TITLES",
    "DANGLING_WORDS",
    "HEADER_WORDS",
    "INSTITUTION_WORDS",
    "METHOD_WORDS",
    "NAME_OPENERS",
    "NAME_STARTS",
    "NAME_WORDS",
    "PERCENT_NAMES",
    "PERIOD_WORDS",
    "PJ_WORDS",
    "RUMUS_OPENERS",
    "RUMUS_STARTS",
    "SASARAN_START",
    "SASARAN_WORDS",
    "SHARE_NAMES",
    "SUMBER_STARTS",
    "is_pj_start",
    "satuan_at",
]

# The words a table header is made of (OCR often breaks PENANGGUNG JAWAB, SUMBER DATA).
HEADER_WORDS = _set(
    "SASARAN INDIKATOR KINERJA (OUTCOME) OUTCOME RUMUS CARA MENGUKUR SATUAN PENANGGUNG "
    "JAWAB JAWAR SUMBER DATA KET KETERANGAN NO NO. TARGET PERHITUNGAN |",
    fold=False,
)

# First word of a heading that names a body of government.
INSTITUTION_WORDS = _set(
    "DINAS BADAN SEKRETARIAT INSPEKTORAT KECAMATAN KELURAHAN RUMAH SATUAN KANTOR BAGIAN "
    "UPT RSUD BIRO SATPOL",
    fold=False,
)

# First word of a penanggung jawab cell: an office or an official, as Indonesian
# administration names them (see is_pj_start for the titles and acronyms).
PJ_WORDS = _set(
    "Dinas Badan Sekretariat Sat Satpol Satuan Bidang Bid Bid. Kepala Inspektur Inspektorat "
    "RSUD Bagian Seksi Subbag Subbid Kantor UPT UPTD Direktur Sekretaris Camat Lurah Seluruh "
    "Biro Kecamatan Kelurahan Puskesmas"
)

# Officials named by a title that heads an office: 'Sekretaris' of what, 'Kepala' of
# which 'Dinas'. A penanggung jawab cell that holds only the title goes on below with
# the office, which opens with an office word ('Sekretaris' / 'Dinas'). (An office kind
# alone, 'Dinas' / 'Bidang', goes on with its affairs instead, any words: not here.)
BARE_TITLES = _set("Sekretaris Kepala Direktur")

# Titles made of Ka- (kepala) or Sek- (sekretaris) and the unit: Kasi, Kabid, Kasubbag,
# Kadis, Sekcam, Sekdis, Sekda, Sekwan ...
_PJ_TITLE = re.compile(
    r"^(?:Ka(?:si|sie|bid|bag|dis|ban|ur|sub(?:bag|bid|ag|id))|"
    r"Sek(?:cam|dis|ban|da|wan|des|lur|kel))\.?$",
    re.IGNORECASE,
)
# An agency's short name: Dis-/Din- and the affairs for a dinas (Disdik, Dinkes,
# Disperkimtan; not the words Distribusi, Disiplin ...), -da for a badan (Bappeda,
# Bapenda), Setda / Setwan, or an upper-case acronym of a daerah body (BPKAD, DPKD).
_PJ_AGENCY = re.compile(
    r"^(?:Di[sn](?!tribusi|iplin|abilitas|kusi|pensasi|ain|amika)[a-z]{2,}|"
    r"Ba[a-z]{2,}da|Set(?:da|wan))$",
    re.IGNORECASE,
)
_PJ_ACRONYM = re.compile(r"^[A-Z]{3,7}DA?$")
_NOT_PJ = frozenset(["SKPD"])  # any perangkat daerah: a word of RUMUS cells


def is_pj_start(word: str) -> bool:
    """Whether a word can open a penanggung jawab cell."""
    word = word.strip("|(,")
    head, dot, rest = word.partition(".")
    if dot and rest[:1].isupper() and {head.casefold(), f"{head.casefold()}."} & PJ_WORDS:
        return True  # 'Bid.Analisis': OCR lost the space after an abbreviated office
    if _PJ_TITLE.match(word):
        return True  # a title is no common word, whatever its case ('sekcam')
    if not word[:1].isupper():
        return False  # a cell opens with a capital: 'seluruh' inside a RUMUS opens none
    return (
        word.casefold() in PJ_WORDS
        or bool(_PJ_AGENCY.match(word))
        or (_PJ_ACRONYM.match(word) is not None and word not in _NOT_PJ)
    )


# First word of a sumber data cell.
SUMBER_STARTS = _set(
    "Laporan Lap Lap. Renstra RPJMD Database Survey Survei LKjIP LKIP LHP BPS "
    "Lembaran Dokumen Hasil Data Surat"
)

# Words in a sumber data cell that say how often the value is reported.
PERIOD_WORDS = {
    "bulanan": "bulanan",
    "triwulan": "triwulan",
    "triwulanan": "triwulan",
    "semester": "semester",
    "semesteran": "semester",
    "tahunan": "tahunan",
}

# How an indicator's name opens.
NAME_STARTS = _set(
    "Persentase Presentase Prosentase Angka Indeks Jumlah Rasio Tingkat Nilai Cakupan "
    "Capaian Ketersediaan Rata-rata Opini Predikat Skor Luas Panjang Proporsi Kualitas "
    "Kontribusi Pertumbuhan Laju Produksi Produktivitas Pencapaian "
    "Penanaman Harapan Usia Prevalensi Ketepatan Kesesuaian Pelayanan Peningkatan "
    "Penurunan Universal Case Imunisasi Besaran Indek"
)

# The name openers that open nothing else: never a RUMUS (no count, no total), never a
# sasaran, never a satuan. A line where one meets a RUMUS opener soon after is a row's
# first line, whatever else OCR lost of it.
NAME_OPENERS = _set("Persentase Presentase Prosentase Cakupan Proporsi")
# The name openers that say the value is a percentage, whatever the row prints: a
# Persentase (in its common spellings) is a share in percent by the word itself.
SHARE_NAMES = _set("Persentase Presentase Prosentase")
# The name openers that say a stacked fraction printed without its factor is a share
# in percent: a Persentase, and a Cakupan (a coverage, a share of its target group).
PERCENT_NAMES = SHARE_NAMES | _set("Cakupan")
# A sasaran cell wrapped onto a row's first line holds at most this many words before the
# indicator's name opens.
SASARAN_WORDS = 6

# Satuan words that are as often the last word of an indicator's name or RUMUS
# ('... Sekolah', '... Desa', '... Kegiatan'): a satuan cell only with a source after it.
NAME_WORDS = _set(
    "Sekolah Desa Dokumen Laporan Kegiatan Lembaga Koperasi Produk Aplikasi Event Paket "
    "Kelompok Jumlah Indeks Nilai Angka Rasio Skor Level Predikat Opini Persentase"
)

# Words a phrase cannot end with: a line of a RUMUS that ends so goes on on the next.
DANGLING_WORDS = _set("yang dan di dari pada antara atau untuk dalam ke oleh")

# How a RUMUS cell opens. The first words open nothing else in a row's first line
# (a count, a total, a comparison); the others open indicator names as well.
RUMUS_OPENERS = _set("Jumlah Jml Jml. Total Banyaknya Kombinasi Perbandingan")
RUMUS_STARTS = RUMUS_OPENERS | _set(
    "Realisasi Hasil Penilaian Rata-rata Nilai Luas Panjang Angka Indeks Capaian Tingkat "
    "Skor Pengukuran"
)

# Words that open a RUMUS cell describing how a value is found, not what is counted
# ('Penilaian oleh ...', 'Pengukuran melalui survei ...', 'Kombinasi antara ...'): such a
# cell is a description over several lines, never a fraction stacked over its bar.
METHOD_WORDS = _set("Penilaian Pengukuran Kombinasi Survei Survey")

# A sasaran opens with a state reached (Meningkatnya, Terwujudnya, Menurunnya ...) or
# the aim as a verb, capitalised (Meningkatkan, Mewujudkan; not 'mendapatkan' in a
# sentence).
SASARAN_START = re.compile(
    r"^\(?(?:Me|Ter|Ber|Pe|Se|Di|Ke)[a-z-]*nya$|^(?-i:\(?Me[a-z-]{3,}kan)$",
    re.IGNORECASE,
)

# Satuan that are common words of a RUMUS or a name ('yang ada'): read in a table's
# Satuan column, never taken for a satuan cell in a line of text.
_COMMON_WORDS = frozenset(["ada"])
# Satuan cells, longest first: the words of each satuan of the vocabulary (sakip.units).
_SATUAN = tuple(
    sorted(
        (tuple(satuan.split()) for satuan in SATUAN if satuan and satuan not in _COMMON_WORDS),
        key=len,
        reverse=True,
    )
)


def satuan_at(words: list[str], end: int) -> tuple[str, int] | None:
    """The satuan printed just before ``words[end]``: (its text, its word count)."""
    for pattern in _SATUAN:
        n = len(pattern)
        if end - n < 0:
            continue
        got = tuple(w.strip("|").casefold() for w in words[end - n : end])
        if got == pattern:
            return " ".join(words[end - n : end]).strip("|, "), n
    # "(Rasio/ ... kelahiran Hidup)" and other bracketed satuan end in ")"
    return None
