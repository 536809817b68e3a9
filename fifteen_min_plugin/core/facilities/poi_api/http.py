"""HTTP GET through QGIS' network access manager (its proxy, SSL and user-agent settings).

`QgsBlockingNetworkRequest` is not used: it writes every answer to the QGIS disk cache under its URL and, on an
HTTP error, logs Qt's error string, which contains the full URL — with the API key in its query string — to
the QGIS message log. This transport disables caching, uses its own transfer timeout (kept below the QGIS
network timeout, whose handler also logs the URL) and builds every message without the URL.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import quote, urlencode

from qgis.core import QgsFeedback, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from fifteen_min_plugin.core.facilities.poi_api.base import HttpResponse, TransientApiError


class QgisTransport:
    """Blocking GET with a timeout; works on the main thread and in Processing worker threads."""

    def __init__(self, timeout_s: float = 30.0) -> None:
        self.timeout_s = timeout_s

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("QgisTransport", text)

    def get(self, url: str, params: dict[str, str], feedback: Optional[QgsFeedback] = None) -> HttpResponse:
        """The HTTP answer (any status), or `TransientApiError` when none arrives."""
        manager = QgsNetworkAccessManager.instance()
        timeout_ms = int(self.timeout_s * 1000)
        if manager.timeout() > 0:
            timeout_ms = min(timeout_ms, max(manager.timeout() - 500, 100))
        query = urlencode(params, quote_via=quote, safe=",|")
        request = QNetworkRequest(QUrl.fromEncoded(f"{url}?{query}".encode("ascii")))
        request.setTransferTimeout(timeout_ms)
        request.setAttribute(
            QNetworkRequest.Attribute.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.AlwaysNetwork
        )
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        host = QUrl(url).host()

        reply = manager.get(request)
        loop = QEventLoop()
        reply.finished.connect(loop.quit)
        if feedback is not None:
            feedback.canceled.connect(reply.abort)
        try:
            if not reply.isFinished():
                loop.exec()
            error = reply.error()
            # aborted by a cancel or the transfer timeout, possibly after the headers: the body is incomplete
            if error == QNetworkReply.NetworkError.OperationCanceledError:
                if feedback is not None and feedback.isCanceled():
                    raise TransientApiError(self.tr("The request was cancelled."))
                raise TransientApiError(
                    self.tr("{host} did not answer within {seconds:g} s.").format(host=host, seconds=timeout_ms / 1000)
                )
            status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
            if status is not None:
                return HttpResponse(int(status), bytes(reply.readAll()))
            if error in (
                QNetworkReply.NetworkError.HostNotFoundError,
                QNetworkReply.NetworkError.TemporaryNetworkFailureError,
                QNetworkReply.NetworkError.NetworkSessionFailedError,
            ):
                raise TransientApiError(
                    self.tr("{host} cannot be reached; check the internet connection and the proxy settings.").format(
                        host=host
                    )
                )
            if error in (
                QNetworkReply.NetworkError.ProxyConnectionRefusedError,
                QNetworkReply.NetworkError.ProxyNotFoundError,
                QNetworkReply.NetworkError.ProxyAuthenticationRequiredError,
                QNetworkReply.NetworkError.ProxyTimeoutError,
            ):
                raise TransientApiError(
                    self.tr("The proxy refused or failed the request; check Settings ▸ Options ▸ Network.")
                )
            if error == QNetworkReply.NetworkError.SslHandshakeFailedError:
                raise TransientApiError(self.tr("The secure connection to {host} failed.").format(host=host))
            raise TransientApiError(
                self.tr("The connection to {host} failed (network error {code}).").format(host=host, code=int(error))
            )
        finally:
            if feedback is not None:
                feedback.canceled.disconnect(reply.abort)
            reply.deleteLater()
