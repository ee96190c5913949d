"""A correct answer in another style: einops-style reshapes with unflatten/flatten and the library's
F.scaled_dot_product_attention for the per-head attention (allowed in this question)."""
import torch
import torch.nn.functional as F
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, bias=True):
        super().__init__()
        if d_model % num_heads != 0:
            raise ValueError("num_heads must divide d_model")
        self.num_heads = num_heads
        for name in ("q_proj", "k_proj", "v_proj", "out_proj"):
            setattr(self, name, nn.Linear(d_model, d_model, bias=bias))

    def forward(self, query, key, value, mask=None):
        def heads(x):  # (B, L, D) -> (B, H, L, D/H)
            return x.unflatten(-1, (self.num_heads, -1)).permute(0, 2, 1, 3)

        q, k, v = heads(self.q_proj(query)), heads(self.k_proj(key)), heads(self.v_proj(value))
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.out_proj(out.permute(0, 2, 1, 3).flatten(-2))
