"""Every message a user may see about an input, in one place, worded so they can act on it."""

from __future__ import annotations

MB = 1024 * 1024


def too_large(limit: int) -> str:
    return f"file larger than the {limit / MB:g} MB limit; pass --max-bytes to raise it"


def decompressed_too_large(limit: int) -> str:
    return f"decompresses to more than the {limit / MB:g} MB limit; pass --max-bytes to raise it"


def undecodable() -> str:
    return "not valid UTF-8 or any known encoding (is it a binary file?)"


def binary() -> str:
    return "binary data, not text (an image, archive or executable?)"


def truncated_gzip() -> str:
    return "truncated gzip stream: the file was cut off; download or copy it again"


def bad_gzip() -> str:
    return "has a .gz name but is not gzip data"


def dangling_link(target: str) -> str:
    return f"dangling link: points to {target}, which does not exist"


def unreadable(reason: str) -> str:
    return f"cannot be read: {reason}"


def not_found() -> str:
    return "no such file or folder"


def empty() -> str:
    return "empty file: nothing to read"


def unsupported(suffix: str) -> str:
    return (f"unsupported file type '{suffix}': Dossier reads .txt, .html, .htm, .jsonl, .parquet, RSS/Atom feeds, "
            ".warc and their .gz")


def json_line(lineno: int, reason: str) -> str:
    return f"line {lineno}: not valid JSON ({reason})"


def json_not_object(lineno: int) -> str:
    return f"line {lineno}: expected a JSON object with a 'text' or 'html' field"


def no_body(where: str) -> str:
    return f"{where}: no 'text' or 'html' field with the article"


def json_line_too_large(lineno: int, limit: int) -> str:
    return f"line {lineno}: longer than the {limit / MB:g} MB limit for one article; pass --max-bytes to raise it"


def container_broken(read: int, reason: str) -> str:
    return f"the file breaks off after {read} line(s) or row(s) ({reason}); the ones before were read"


def parquet_invalid(reason: str) -> str:
    return f"not a readable Parquet file: {reason}"


def parquet_no_body_column(columns: list[str]) -> str:
    shown = ", ".join(columns[:12]) or "none"
    return f"Parquet file has no 'text' or 'html' column (columns: {shown}); name the article column 'text' or 'html'"


def feed_invalid(reason: str) -> str:
    return f"not a valid RSS/Atom feed: {reason}"


def feed_summary_only(words: int) -> str:
    return f"feed entry has only a {words}-word summary, not the full article; add the article page itself"


def warc_not_page(kind: str) -> str:
    return f"WARC {kind} record, not a page"


def warc_not_html(content_type: str) -> str:
    return f"WARC response is {content_type or 'of unknown type'}, not an HTML page"


def warc_truncated(after: int) -> str:
    return f"WARC file is truncated or corrupt after record {after}; the records before it were read"


def warc_invalid(reason: str) -> str:
    return f"not a readable WARC file: {reason}"


def no_article() -> str:
    return "no article text found: the page holds only navigation or furniture"


def internal(exc: BaseException) -> str:
    return f"could not be processed ({type(exc).__name__}: {exc}); please report this input"


def off_story(pattern: str) -> str:
    return f"not about the story: neither the title nor the text matches --match {pattern!r}"


def off_story_like(score: float, threshold: float) -> str:
    return (f"not about the story: its words are too far from the --like examples "
            f"(closeness {score:.2f}, needed {threshold:.2f})")


def remote_unsupported() -> str:
    return ("the Spark runner reads remote JSONL (.jsonl, .jsonl.gz), Parquet and WARC (.warc, .warc.gz) paths; "
            "copy other files to a local folder")


def remote_unreadable(reason: str) -> str:
    return f"Spark could not read this path: {reason}"


def remote_needs_spark(path: str) -> str:
    return f"'{path.split('://', 1)[0]}://' paths are read by the Spark runner: add --runner spark"
