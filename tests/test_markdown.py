from painchat.markdown import escape, unescape


def test_markdown_syntax_in_paper_text_is_shown_as_written():
    text = "Pain fell *a lot* (p < 0.05), costs $5 to $10, see [x](y) and `code` # | ~"
    escaped = escape(text)
    assert escaped == r"Pain fell \*a lot\* (p \< 0.05), costs \$5 to \$10, see \[x\](y) and \`code\` \# \| \~"
    assert unescape(escaped) == text


def test_ordinary_prose_is_left_alone():
    text = "Chronic pain (allodynia) affects 2.5% of adults; it's common."
    assert escape(text) == text
