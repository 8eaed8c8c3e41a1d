"""`opi serve`: the upload and assembly pages and the JSON API (FastAPI).

`opi.web.app.create_app(settings)` builds the application. Nothing here is
imported by `opi check`: FastAPI and uvicorn load only for `opi serve`.
"""
