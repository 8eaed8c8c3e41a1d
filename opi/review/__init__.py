"""Review outputs that lawyers work in: an HTML report, the Word draft with
comments, the PDF draft with highlight notes.

Import the modules directly (`opi.review.html`, `opi.review.docx_comments`,
`opi.review.pdf_highlights`): nothing heavy is imported here.
"""
