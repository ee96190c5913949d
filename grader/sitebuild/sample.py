"""Throw-away banks for the site's tests and benchmark: valid cards written into a directory.

`write_sample_bank` writes a handful of hand-made cards that exercise every part of a page
(both languages and a missing one, LaTeX, Mermaid, code, hints, results); `write_generated_bank`
adds many generated cards for timing.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

SECRET_TEST_MARKER = "SECRET_TEST_BODY_MUST_NOT_BE_PUBLISHED"

ATTENTION = {
    "id": "c01", "kind": "concept", "topic": "transformers", "difficulty": "medium",
    "tags": ["attention", "transformer"],
    "title": {"en": "Why scale dot-product attention by $1/\\sqrt{d_k}$?",
              "zh": "注意力机制为什么要除以 $\\sqrt{d_k}$？"},
    "prompt": {"en": "In scaled dot-product attention,\n\n$$\\mathrm{Attn}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$\n\nwhy divide by $\\sqrt{d_k}$?",
               "zh": "在缩放点积注意力中：\n\n$$\\mathrm{Attn}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$\n\n为什么要除以 $\\sqrt{d_k}$？"},
    "answer": {"en": "If $q_i, k_i$ are independent with unit variance, $q\\cdot k$ has variance $d_k$. "
                     "Large logits saturate the softmax and its gradients vanish.\n\n"
                     "```mermaid\ngraph LR\n  Q[Q] --> S[QK^T]\n  K[K] --> S\n  S --> D[divide by sqrt d_k] --> SM[softmax] --> O[weights x V]\n```\n\n"
                     "```python\nscores = q @ k.transpose(-2, -1) / math.sqrt(d_k)\n```",
               "zh": "若 $q_i, k_i$ 独立且方差为 1，则 $q\\cdot k$ 的方差为 $d_k$。点积过大会让 softmax 饱和，梯度消失。\n\n"
                     "```mermaid\ngraph LR\n  Q[Q] --> S[QK^T]\n  K[K] --> S\n  S --> D[除以 sqrt d_k] --> SM[softmax] --> O[加权求和 V]\n```"},
    "hints": [{"en": "What is the variance of a sum of $d_k$ products?", "zh": "$d_k$ 个乘积之和的方差是多少？"},
              {"en": "Look at the softmax gradient when one logit dominates.", "zh": "当某个 logit 远大于其他时，softmax 的梯度如何？"}],
    "listen_for": [{"en": "Variance grows linearly with $d_k$", "zh": "方差随 $d_k$ 线性增长"}],
    "pitfalls": [{"en": "Saying it is for numerical overflow only", "zh": "只说是为了防止数值溢出"}],
    "follow_ups": [{"en": "What changes with multi-head attention?", "zh": "多头注意力下有什么变化？"}],
    "references": [{"title": "Attention Is All You Need", "url": "https://arxiv.org/abs/1706.03762"}],
    "related": ["c02", "q01"],
}

OVERFIT = {
    "id": "c02", "kind": "concept", "topic": "training", "difficulty": "easy",
    "tags": ["regularization", "overfitting"],
    "title": {"en": "Over-fitting: how do you detect and reduce it?"},
    "prompt": {"en": "How do you recognise over-fitting, and which regularization methods reduce it?",
               "zh": "如何判断模型过拟合？有哪些正则化方法可以缓解过拟合？"},
    "answer": {"en": "Training loss keeps falling while validation loss rises. Use more data, weight decay "
                     "($\\lambda\\lVert w\\rVert^2$), dropout, early stopping, augmentation."},
    "hints": [{"en": "Compare the training and validation curves.", "zh": "比较训练集和验证集的曲线。"}],
    "follow_ups": [{"en": "Is dropout still used in large language models?"}],
}

SOFTMAX = {
    "id": "q01", "kind": "coding", "topic": "transformers", "difficulty": "hard",
    "tags": ["attention", "softmax"], "frameworks": ["pytorch", "numpy"],
    "title": {"en": "Implement scaled dot-product attention", "zh": "实现缩放点积注意力"},
    "prompt": {"en": "Implement `attention(q, k, v, mask=None)` for tensors of shape `(B, H, T, D)`.\n\n"
                     "Return $\\mathrm{softmax}(QK^\\top/\\sqrt{d})V$; masked positions get weight 0.",
               "zh": "实现 `attention(q, k, v, mask=None)`，输入形状为 `(B, H, T, D)`。\n\n"
                     "返回 $\\mathrm{softmax}(QK^\\top/\\sqrt{d})V$；被 mask 的位置权重为 0。"},
    "answer": {"en": "Subtract the row maximum before `exp` for stability; apply the mask with `-inf` "
                     "before the softmax.",
               "zh": "计算 `exp` 前减去每行最大值以保证数值稳定；在 softmax 之前用 `-inf` 施加 mask。"},
    "hints": [{"en": "Use `torch.matmul` and `transpose(-2, -1)`.", "zh": "使用 `torch.matmul` 与 `transpose(-2, -1)`。"},
              {"en": "`masked_fill(mask == 0, float('-inf'))`", "zh": "`masked_fill(mask == 0, float('-inf'))`"},
              {"en": "Check rows that are fully masked.", "zh": "注意整行都被 mask 的情况。"}],
    "contract": [{"name": "attention", "signature": "attention(q, k, v, mask=None) -> torch.Tensor",
                  "description": {"en": "Scaled dot-product attention over the last two dimensions.",
                                  "zh": "在最后两个维度上做缩放点积注意力。"}}],
    "points": 10, "timeout_s": 120, "device": "cpu",
    "banned": [{"name": "torch.nn.functional.scaled_dot_product_attention",
                "reason": {"en": "That is the function you are writing.", "zh": "这正是你要实现的函数。"}}],
    "related": ["c01"],
}

KMEANS = {
    "id": "q02", "kind": "coding", "topic": "classical-ml", "difficulty": "easy",
    "frameworks": ["numpy"],
    "title": {"en": "k-means clustering from scratch", "zh": "从零实现 k-means 聚类"},
    "prompt": {"en": "Implement `kmeans(x, k, iters)` returning centroids and labels.",
               "zh": "实现 `kmeans(x, k, iters)`，返回聚类中心与标签。"},
    "answer": {"en": "Alternate assignment and update steps until labels stop changing.",
               "zh": "交替执行分配与更新两步，直到标签不再变化。"},
    "contract": [{"name": "kmeans", "signature": "kmeans(x: np.ndarray, k: int, iters: int = 100) -> tuple[np.ndarray, np.ndarray]"}],
    "points": 6, "timeout_s": 60, "device": "any",
}


def _notebook(cells: list[tuple[str, str]]) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "cells": [{"cell_type": kind, "metadata": {}, "source": src,
                       **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                      for kind, src in cells]}


def write_card(bank: Path, card: dict) -> Path:
    path = Path(bank) / "questions" / f"{card['id']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(card, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_coding_files(bank: Path, qid: str, solution: str) -> None:
    bank = Path(bank)
    (bank / "notebooks").mkdir(parents=True, exist_ok=True)
    (bank / "notebooks" / f"{qid}.ipynb").write_text(json.dumps(_notebook([
        ("markdown", f"# {qid}\nImplement the functions below."),
        ("code", "def todo():\n    raise NotImplementedError"),
    ])), encoding="utf-8")
    sol = bank / "solutions" / qid
    (sol / "mutants").mkdir(parents=True, exist_ok=True)
    (sol / "solution.ipynb").write_text(json.dumps(_notebook([
        ("markdown", f"Private notes for {qid}: {SECRET_TEST_MARKER}"),
        ("code", solution),
    ])), encoding="utf-8")
    (sol / f"test_{qid}.py").write_text(f"# {SECRET_TEST_MARKER}\n", encoding="utf-8")
    (sol / "mutants" / "m1.py").write_text(f"# {SECRET_TEST_MARKER}\n", encoding="utf-8")


def write_sample_bank(bank: Path, repository: str | None = "https://github.com/example/ml-bank") -> Path:
    """Four cards: two concept (one missing most of its Chinese), two coding (stubs + solutions)."""
    bank = Path(bank)
    for card in (ATTENTION, OVERFIT, SOFTMAX, KMEANS):
        write_card(bank, card)
    write_coding_files(bank, "q01", "import math\nimport torch\n\ndef attention(q, k, v, mask=None):\n"
                       "    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])\n"
                       "    if mask is not None:\n        s = s.masked_fill(mask == 0, float('-inf'))\n"
                       "    return torch.softmax(s, dim=-1) @ v\n")
    write_coding_files(bank, "q02", "import numpy as np\n\ndef kmeans(x, k, iters=100):\n    ...\n")
    if repository is not None:
        (bank / "pyproject.toml").write_text(
            f'[project]\nname = "bank"\nversion = "0"\n\n[tool.grader]\nrepository = "{repository}"\n',
            encoding="utf-8")
    return bank


def write_results(path: Path, results: list[dict]) -> Path:
    Path(path).write_text(json.dumps({"results": results, "summary": {}}), encoding="utf-8")
    return Path(path)


_TOPICS = ["transformers", "training", "compression", "generative", "evaluation",
           "classical-ml", "deep-learning", "large-models", "systems", "privacy"]
_WORDS_EN = ("gradient attention softmax normalization dropout optimizer learning rate batch layer "
             "embedding token transformer convolution regularization variance bias loss entropy "
             "quantization pruning distillation diffusion sampling").split()
_WORDS_ZH = "梯度 注意力 归一化 优化器 学习率 批量 嵌入 卷积 正则化 方差 偏差 损失 交叉熵 量化 剪枝 蒸馏 扩散 采样".split()


def write_generated_bank(bank: Path, n: int = 1000) -> Path:
    """`n` generated cards (half concept, half coding), each with LaTeX, code and both languages."""
    bank = Path(bank)
    n_concept = n - n // 2
    for i in range(n):
        concept = i < n_concept
        num = i if concept else i - n_concept
        cid = f"{'c' if concept else 'q'}{num:03d}"
        w = [_WORDS_EN[(i * 7 + j) % len(_WORDS_EN)] for j in range(40)]
        z = [_WORDS_ZH[(i * 5 + j) % len(_WORDS_ZH)] for j in range(40)]
        body_en = (f"Explain how {' '.join(w[:12])} interact. The loss is "
                   f"$\\mathcal{{L}} = -\\sum_i y_i \\log \\hat y_i$ and\n\n$$\\nabla_\\theta J = "
                   f"\\mathbb{{E}}[\\nabla \\log p]$$\n\n" + " ".join(w[12:]) + ".")
        body_zh = f"解释{''.join(z[:12])}之间的关系。损失为 $\\mathcal{{L}}$。\n\n" + "，".join(z[12:]) + "。"
        card = {
            "id": cid, "kind": "concept" if concept else "coding",
            "title": {"en": f"{w[0].capitalize()} and {w[1]} ({cid})", "zh": f"{z[0]}与{z[1]}（{cid}）"},
            "topic": _TOPICS[i % len(_TOPICS)], "difficulty": ("easy", "medium", "hard")[i % 3],
            "tags": sorted({w[2], w[3]}),
            "prompt": {"en": body_en, "zh": body_zh},
            "answer": {"en": body_en + "\n\n```python\ndef f(x):\n    return x * 2  # " + w[5] + "\n```",
                       "zh": body_zh},
            "hints": [{"en": f"Think about {w[j]}.", "zh": f"想想{z[j]}。"} for j in range(3)],
            "follow_ups": [{"en": f"What about {w[9]}?", "zh": f"{z[9]}呢？"}],
            "references": [{"title": "Reference", "url": "https://example.org/paper"}],
        }
        if concept:
            card["listen_for"] = [{"en": f"Mentions {w[4]}", "zh": f"提到{z[4]}"}]
            card["pitfalls"] = [{"en": f"Confuses {w[6]} with {w[7]}", "zh": f"混淆{z[6]}和{z[7]}"}]
        else:
            card.update({"contract": [{"name": "solve", "signature": "solve(x: np.ndarray) -> np.ndarray"}],
                         "points": 10, "timeout_s": 60, "device": "cpu", "frameworks": ["numpy"]})
            write_coding_files(bank, cid, "import numpy as np\n\ndef solve(x):\n    return x * 2\n")
        write_card(bank, card)
    (bank / "pyproject.toml").write_text(
        '[tool.grader]\nrepository = "https://github.com/example/ml-bank"\n', encoding="utf-8")
    return bank
