"""The hand-made TF-IDF (``tomtat.vi.text.Vectors``) is scikit-learn's, with the same settings
(invented sentences)."""
import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from tomtat.vi.text import Vectors, ngram_features, syllables

CORPUS = [
    "Giá gạo xuất khẩu tăng mạnh trong tuần này, giá gạo tấm cũng tăng.",
    "Nông dân Đồng Tháp phấn khởi vì lúa được giá, gạo được mùa.",
    "Bão đổ bộ vào miền Trung, hàng nghìn hộ dân được sơ tán.",
    "Giá lúa tại Đồng Tháp tăng theo giá gạo xuất khẩu.",
    "",
    "Bão bão bão: gió giật cấp 11 quật đổ cây xanh.",
]


def _sklearn_dense(docs, vectors: Vectors, **settings) -> np.ndarray:
    """scikit-learn's matrix with its columns put in ``vectors``' column order."""
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, **settings)
    matrix = vectorizer.fit_transform([ngram_features(d) for d in docs]).toarray()
    column_of = vectorizer.vocabulary_
    out = np.zeros((len(docs), len(vectors.feature_names())))
    for k, name in enumerate(vectors.feature_names()):
        if name in column_of:
            out[:, k] = matrix[:, column_of[name]]
    return out


@pytest.mark.parametrize("settings", [
    {},
    {"sublinear_tf": True},
    {"sublinear_tf": True, "min_df": 2},
    {"sublinear_tf": True, "min_df": 2, "max_df": 2},
    {"min_df": 1, "max_df": 3},
])
def test_vectors_equal_sklearn_tfidf(settings):
    docs = [syllables(t) for t in CORPUS]
    vectors = Vectors(docs, **settings)
    expected = _sklearn_dense(docs, vectors, **settings)
    assert vectors.matrix.shape == expected.shape
    assert np.abs(vectors.matrix.toarray() - expected).max() < 1e-9
    # the columns cut by document frequency are empty, not merely small
    if settings.get("min_df", 1) > 1:
        assert (vectors.matrix.getnnz(axis=0) > 0).sum() == (expected != 0).any(axis=0).sum()


def test_feature_names_cover_unigrams_then_bigrams():
    vectors = Vectors([syllables("giá gạo tăng"), syllables("giá lúa")])
    assert vectors.feature_names() == ["giá", "gạo", "tăng", "lúa", "giá gạo", "giá lúa", "gạo tăng"]
    assert list(vectors.bigram_mask()) == [False] * 4 + [True] * 3


def test_transform_uses_the_fitted_vocabulary_and_cuts():
    docs = [syllables(t) for t in CORPUS]
    vectors = Vectors(docs, sublinear_tf=True, min_df=2)
    again = vectors.transform(docs)
    assert np.abs(again.toarray() - vectors.matrix.toarray()).max() < 1e-12


def test_presence_is_the_matrix_cut_to_one_kind_of_column_as_zeros_and_ones():
    vectors = Vectors([["giá", "vàng", "tăng", "giá"], [], ["vàng", "tăng", "mạnh"], ["giá"]])
    size = len(vectors.vocabulary)
    for bigrams, columns in ((False, slice(0, size)), (True, slice(size, None))):
        expected = vectors.matrix[:, columns].toarray() > 0
        got = vectors.presence(bigrams=bigrams)
        assert got.shape == expected.shape and (got.toarray() == expected).all()
