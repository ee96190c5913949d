"""Interface strings and labels of the site, in English and Chinese."""
from __future__ import annotations

LANG_NAMES = {"en": "English", "zh": "中文"}
HTML_LANG = {"en": "en", "zh": "zh-CN"}

TOPICS = {
    "transformers": ("Transformers", "Transformer"),
    "training": ("Training", "训练"),
    "compression": ("Compression", "模型压缩"),
    "generative": ("Generative models", "生成模型"),
    "evaluation": ("Evaluation", "评估"),
    "classical-ml": ("Classical ML", "经典机器学习"),
    "deep-learning": ("Deep learning", "深度学习"),
    "large-models": ("Large models", "大模型"),
    "systems": ("Systems", "系统"),
    "privacy": ("Privacy", "隐私"),
}
DIFFICULTIES = {"easy": ("Easy", "简单"), "medium": ("Medium", "中等"), "hard": ("Hard", "困难")}
KINDS = {"concept": ("Concept", "概念题"), "coding": ("Coding", "编程题")}
FRAMEWORKS = {"pytorch": ("PyTorch", "PyTorch"), "numpy": ("NumPy", "NumPy"),
              "scikit-learn": ("scikit-learn", "scikit-learn"), "pandas": ("pandas", "pandas"),
              "tensorflow": ("TensorFlow", "TensorFlow")}


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if not pair:
        return key.replace("-", " ").capitalize()
    return pair[0] if lang == "en" else pair[1]


_S = {
    "site_title": ("ML Interview Bank", "机器学习面试题库"),
    "site_tagline": ("Concept and coding questions for ML / DL interviews, with model answers and an auto-grader.",
                     "机器学习 / 深度学习面试的概念题与编程题，附参考答案与自动评分。"),
    "skip": ("Skip to content", "跳到正文"),
    "nav_label": ("Main", "主导航"),
    "home": ("Home", "首页"),
    "search": ("Search", "搜索"),
    "search_label": ("Search questions", "搜索题目"),
    "search_placeholder": ("Search… (press /)", "搜索…（按 / 键）"),
    "switch_lang": ("中文", "English"),
    "switch_lang_label": ("切换到中文", "Switch to English"),
    "theme_toggle": ("Toggle dark mode", "切换深色模式"),
    "topics": ("Topics", "主题"),
    "questions": ("Questions", "题目"),
    "question_count": ("questions", "道题"),
    "filters": ("Filter questions", "筛选题目"),
    "topic": ("Topic", "主题"),
    "difficulty": ("Difficulty", "难度"),
    "kind": ("Kind", "类型"),
    "framework": ("Framework", "框架"),
    "any": ("Any", "全部"),
    "reset": ("Reset", "重置"),
    "showing": ("Showing {shown} of {total}", "显示 {shown} / {total} 道题"),
    "no_match": ("No question matches these filters.", "没有符合筛选条件的题目。"),
    "progress": ("Your progress", "学习进度"),
    "coding_score": ("Coding score", "编程得分"),
    "graded": ("graded", "已评分"),
    "studied": ("studied", "已学习"),
    "concept_studied": ("Concept questions studied", "已学习的概念题"),
    "attempted": ("attempted", "已作答"),
    "total": ("Total", "合计"),
    "prompt": ("Question", "题目"),
    "hints": ("Hints", "提示"),
    "show_hint": ("Show hint {n} of {total}", "显示提示 {n} / {total}"),
    "all_hints": ("All hints shown", "已显示全部提示"),
    "hint": ("Hint", "提示"),
    "answer": ("Model answer", "参考答案"),
    "show_answer": ("Show the model answer", "显示参考答案"),
    "solution": ("Reference solution", "参考实现"),
    "show_solution": ("Show the reference solution", "显示参考实现"),
    "listen_for": ("What the interviewer listens for", "面试官关注的要点"),
    "show_listen_for": ("Show what the interviewer listens for", "显示面试官关注的要点"),
    "pitfalls": ("Common pitfalls", "常见误区"),
    "show_pitfalls": ("Show common pitfalls", "显示常见误区"),
    "follow_ups": ("Follow-up questions", "追问"),
    "references": ("References", "参考资料"),
    "related": ("Related questions", "相关题目"),
    "contract": ("What to implement", "需要实现的内容"),
    "banned": ("Not allowed", "禁止使用"),
    "get_started": ("Work on it", "开始作答"),
    "download_stub": ("Download the notebook", "下载 notebook"),
    "open_colab": ("Open in Colab", "在 Colab 中打开"),
    "grade_cmd": ("Grade it locally", "本地评分"),
    "copy": ("Copy", "复制"),
    "copied": ("Copied", "已复制"),
    "copy_code": ("Copy code", "复制代码"),
    "points": ("points", "分"),
    "device": ("device", "设备"),
    "timeout": ("time limit", "时限"),
    "your_score": ("Your score", "你的得分"),
    "graded_at": ("graded {when}", "评分时间 {when}"),
    "not_graded": ("Not graded yet — run the command below, then rebuild the site with --results.",
                   "尚未评分：运行下面的命令，再用 --results 重新生成网站。"),
    "tests": ("Tests", "测试"),
    "mark_studied": ("Mark as studied", "标记为已学习"),
    "fallback": ("Not yet available in English — shown in Chinese.", "暂无中文版本，以下显示英文原文。"),
    "prev": ("Previous", "上一题"),
    "next": ("Next", "下一题"),
    "pager": ("Question navigation", "题目导航"),
    "breadcrumb": ("Breadcrumb", "路径"),
    "search_title": ("Search", "搜索"),
    "search_results": ("{n} results for “{q}”", "“{q}” 共 {n} 条结果"),
    "search_none": ("Nothing found for “{q}”.", "没有找到与“{q}”相关的题目。"),
    "search_empty": ("Type a word or a phrase, in English or Chinese.", "输入英文或中文关键词。"),
    "search_go": ("Search", "搜索"),
    "shortcuts": ("Keyboard: / search · n / p next / previous question · h next hint · a answer · d dark mode",
                  "快捷键：/ 搜索 · n / p 下一题 / 上一题 · h 下一条提示 · a 答案 · d 深色模式"),
    "footer": ("Static study site built by `bank site`; works offline.", "由 `bank site` 生成的静态网站，可离线使用。"),
    "choose_lang": ("Choose a language", "选择语言"),
    "studied_badge": ("Studied", "已学习"),
    "concept_count": ("concept", "概念题"),
    "coding_count": ("coding", "编程题"),
}


def strings(lang: str) -> dict[str, str]:
    i = 0 if lang == "en" else 1
    return {k: v[i] for k, v in _S.items()}
